namespace CometChat.Emulator.Http;

/// <summary>The contract's error codes, HTTP statuses and message templates (§9).</summary>
public static class ApiErrors
{
    /// <summary>Characters of a rejected key shown at each end (<see cref="MaskKey"/>).</summary>
    private const int MaskKeepLength = 5;

    /// <summary>Message of every validation failure.</summary>
    public const string ValidationMessage = "Failed to validate the data sent with the request.";

    /// <summary>Builds <c>{"error": {"message","devMessage","source","details"?,"code"}}</c>.</summary>
    public static ApiResult Error(int status, string code, string message, string? devMessage = null,
        IReadOnlyDictionary<string, List<string>>? details = null) =>
        ApiResult.Json(status, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("message", message);
            w.WriteString("devMessage", devMessage ?? message);
            w.WriteString("source", "chat-api");
            if (details is { Count: > 0 })
            {
                w.WriteStartObject("details");
                foreach (var (field, messages) in details)
                {
                    w.WriteStartArray(field);
                    foreach (var m in messages)
                    {
                        w.WriteStringValue(m);
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteString("code", code);
            w.WriteEndObject();
            w.WriteEndObject();
        });

    /// <summary>400 with per-field details.</summary>
    public static ApiResult Validation(IReadOnlyDictionary<string, List<string>> details) =>
        Error(400, "ERR_BAD_REQUEST", ValidationMessage, ValidationMessage, details);

    /// <summary>400 for a request that cannot be read at all (malformed JSON, wrong content type).</summary>
    public static ApiResult BadRequest(string devMessage) =>
        Error(400, "ERR_BAD_REQUEST", ValidationMessage, devMessage);

    /// <summary>400 for a single invalid field.</summary>
    public static ApiResult BadField(string field, string message) =>
        Validation(new Dictionary<string, List<string>> { [field] = [message] });

    public static ApiResult UidAlreadyExists(string uid) => Error(400, "ERR_UID_ALREADY_EXISTS",
        $"The uid {uid} already exists. Please use another uid or try after permanently deleting the user.");

    public static ApiResult UidNotFound(string uid)
    {
        // The live API shows a blank uid as %20; escaping leaves ordinary uids unchanged.
        var shown = Uri.EscapeDataString(uid);
        return Error(404, "ERR_UID_NOT_FOUND",
            $"The UID {shown} does not exist, please make sure you have created a user with UID {shown}.",
            $"The UID {shown} does not exist, so please make sure you have created a user with UID {shown}.");
    }

    public static ApiResult RoleNotFound(string role) => Error(404, "ERR_ROLE_NOT_FOUND",
        $"The role {role} does not exist. Please use correct role or use create role API.");

    public static ApiResult RoleDeleteDenied(string role) => Error(400, "ERR_ROLE_DELETE_DENIED",
        $"The role {role} is a built-in role and cannot be deleted.");

    public static ApiResult AuthTokenNotFound(string token) => Error(404, "ERR_AUTH_TOKEN_NOT_FOUND",
        $"The auth token {token} does not exist.");

    public static ApiResult OnBehalfOfNotFound(string uid) => Error(404, "ERR_ON_BEHALF_OF_UID_NOT_FOUND",
        $"The UID {Uri.EscapeDataString(uid)} passed in the onBehalfOf header does not exist.");

    public static ApiResult EmptyApiKey() => Error(401, "AUTH_ERR_EMPTY_APIKEY",
        "The apikey header is missing or empty. Please pass a valid apiKey.");

    /// <summary>401 for an unknown key, shown masked (<see cref="MaskKey"/>) unless <paramref name="mask"/> is false.</summary>
    public static ApiResult ApiKeyNotFound(string key, bool mask)
    {
        var shown = mask ? MaskKey(key) : key;
        return Error(401, "AUTH_ERR_APIKEY_NOT_FOUND",
            $"The key {shown} does not exist. Please use correct apiKey.",
            $"The {shown} key doesn't work. Please use correct apiKey.");
    }

    /// <summary>
    /// A key as CometChat shows a rejected one: its first and last 5 characters with one <c>*</c> for each
    /// character between. A key of 10 characters or fewer would show whole that way, so it is all stars.
    /// </summary>
    public static string MaskKey(string key) =>
        key.Length <= 2 * MaskKeepLength
            ? new string('*', key.Length)
            : string.Concat(key.AsSpan(0, MaskKeepLength), new string('*', key.Length - 2 * MaskKeepLength), key.AsSpan(key.Length - MaskKeepLength));

    public static ApiResult NoAccess(string key) => Error(403, "AUTH_ERR_NO_ACCESS",
        $"The key {key} cannot be used to perform this operation. Please use API key with a correct scope to perform the operation.",
        $"The {key} key does not have enough clearance. To perform the operation, please use the API key with the correct scope.");

    public static ApiResult ApiNotFound() => Error(404, "ERR_API_NOT_FOUND",
        "The API endpoint is invalid. Please verify the API call.");

    public static ApiResult PayloadTooLarge(int limit) => Error(413, "ERR_PAYLOAD_TOO_LARGE",
        $"The request body may not be greater than {limit} bytes.");

    public static ApiResult TooManyRequests(int budget, int windowSeconds, int retryAfter) => Error(429, "ERR_TOO_MANY_REQUESTS",
        $"Too many requests. {budget} per {windowSeconds} seconds is the maximum allowed for this operation. Please retry after {retryAfter} seconds.");

    /// <summary>Writes a JSON value that may be absent; used by result builders.</summary>
    internal static void WriteStringArray(Utf8JsonWriter w, string name, IReadOnlyCollection<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }
        w.WriteEndArray();
    }
}
