using System.Globalization;
using CometChat.Emulator.Http;
using CometChat.Emulator.RateLimiting;
using CometChat.Emulator.Storage;
using CometChat.Emulator.Validation;

namespace CometChat.Emulator.Endpoints;

/// <summary><c>POST /v3/data_import/users</c> (§15): up to 50 users per request, 60 requests per minute.</summary>
public static class DataImportEndpoint
{
    private const int MaxUsers = 50;

    /// <summary>Registers the route.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapApi("POST", "/v3/data_import/users", Bucket.Standard, Import);

    private static async ValueTask<ApiResult> Import(ApiContext c)
    {
        var rate = c.Runtime.RateLimiter.Take(Bucket.Import);
        if (!rate.Allowed)
        {
            var limited = ApiErrors.Error(429, "ERR_TOO_MANY_REQUESTS",
                $"Too many requests for data import API. {RateLimiter.ImportRequestsPerMinute} per minute is the maximum request allowed. Please retry after {rate.RetryAfterSeconds} seconds.");
            limited.Headers["Retry-After"] = rate.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            limited.Headers["X-Rate-Limit"] = rate.Budget.ToString(CultureInfo.InvariantCulture);
            limited.Headers["X-Rate-Limit-Remaining"] = "0";
            limited.Headers["X-Rate-Limit-Reset"] = rate.ResetUnixSeconds.ToString(CultureInfo.InvariantCulture);
            return limited;
        }
        if (!c.TryReadBody(out var body, out var error))
        {
            return error!;
        }
        if (!body.TryGet("users", out var users) || users.ValueKind != JsonValueKind.Object
            || users.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.Object))
        {
            return ApiErrors.Error(400, "ERR_IMPORT_INVALID_USER_FORMAT", "value for users property should be an array of user objects");
        }
        var count = users.EnumerateObject().Count();
        if (count is 0 or > MaxUsers)
        {
            return ApiErrors.BadField("users", count == 0 ? "The users field is required." : $"The users may not have more than {MaxUsers} items.");
        }

        var valid = new List<(string Key, User User)>();
        var invalid = new List<(string Key, ValidationErrors Errors)>();
        foreach (var entry in users.EnumerateObject())
        {
            var (user, errors) = Validate(entry, c.Store.Now);
            if (user is null) invalid.Add((entry.Name, errors));
            else valid.Add((entry.Name, user));
        }
        var stored = await c.Store.ImportUsersAsync(valid.Select(v => v.User).ToList());
        return ApiResult.Data(w =>
        {
            w.WriteStartObject();
            for (var i = 0; i < valid.Count; i++)
            {
                var (user, status) = stored[i];
                w.WriteStartObject(valid[i].Key);
                w.WriteBoolean("success", status == UserWriteStatus.Done);
                switch (status)
                {
                    case UserWriteStatus.Done:
                        w.WritePropertyName("data");
                        UserJson.Write(w, user, UserView.WithTags);
                        break;
                    case UserWriteStatus.UidExists:
                        w.WriteString("message", $"The uid {user.Uid} already exists. Please use another uid or try after permanently deleting the user.");
                        w.WriteString("code", "ERR_UID_ALREADY_EXISTS");
                        break;
                    default:
                        w.WriteString("message", $"The role {user.Role} does not exist. Please use correct role or use create role API.");
                        w.WriteString("code", "ERR_ROLE_NOT_FOUND");
                        break;
                }
                w.WriteEndObject();
            }
            foreach (var (key, errors) in invalid)
            {
                w.WriteStartObject(key);
                w.WriteBoolean("success", false);
                w.WriteString("message", ApiErrors.ValidationMessage);
                w.WriteString("code", "ERR_BAD_REQUEST");
                w.WriteStartObject("details");
                foreach (var (field, messages) in errors)
                {
                    ApiErrors.WriteStringArray(w, field, messages);
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        });
    }

    /// <summary>The create rules, plus the map key matching the uid and the three timestamps.</summary>
    private static (User? User, ValidationErrors Errors) Validate(JsonProperty entry, long now)
    {
        var body = JsonBody.FromElement(entry.Value);
        var (user, _) = UserValidator.ForCreate(body);
        var errors = body.Errors;
        var uid = entry.Value.TryGetProperty("uid", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        if (uid is not null && uid != entry.Name)
        {
            errors.Add("uid", "The uid must be the same as the key that wraps the user object.");
        }
        var createdAt = Timestamp(entry.Value, "createdAt", errors);
        var lastActiveAt = Timestamp(entry.Value, "lastActiveAt", errors);
        var deactivatedAt = Timestamp(entry.Value, "deactivatedAt", errors);
        if (user is null || !errors.IsEmpty)
        {
            return (null, errors);
        }
        return (user with
        {
            CreatedAt = createdAt ?? now,
            LastActiveAt = lastActiveAt,
            DeactivatedAt = deactivatedAt,
        }, errors);
    }

    /// <summary>Unix seconds, as an integer or (as the docs' example sends them) a numeric string.</summary>
    private static long? Timestamp(JsonElement user, string field, ValidationErrors errors)
    {
        if (!user.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        long seconds = -1;
        var ok = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out seconds),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds),
            _ => false,
        };
        if (!ok || seconds is < 0 or > 9_999_999_999)
        {
            errors.Add(field, $"The {field} must be a unix timestamp in seconds (10 digits).");
            return null;
        }
        return seconds;
    }
}
