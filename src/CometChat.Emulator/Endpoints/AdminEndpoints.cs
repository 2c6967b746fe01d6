using CometChat.Emulator.Http;
using CometChat.Emulator.Runtime;
using CometChat.Emulator.Validation;

namespace CometChat.Emulator.Endpoints;

/// <summary>The <c>/_emulator/</c> admin surface.</summary>
public static class AdminEndpoints
{
    /// <summary>Registers the routes.</summary>
    public static void Map(IEndpointRouteBuilder app, EmulatorRuntime runtime, IHostApplicationLifetime lifetime)
    {
        Admin(app, runtime, "GET", "/_emulator/health", false, _ =>
            Task.FromResult(ApiResult.Data(w => { w.WriteStartObject(); w.WriteString("status", "ok"); w.WriteEndObject(); })));

        Admin(app, runtime, "POST", "/_emulator/reset", true, async _ =>
        {
            await runtime.Store.ResetAsync();
            runtime.ResetCountersAndWindows();
            return ApiResult.Success("The emulator has been reset.");
        });

        Admin(app, runtime, "POST", "/_emulator/presence", true, body => Presence(runtime, body));

        Admin(app, runtime, "GET", "/_emulator/counters", true, _ => Task.FromResult(ApiResult.Data(runtime.Counters.Write)));

        Admin(app, runtime, "DELETE", "/_emulator/counters", true, _ =>
        {
            runtime.Counters.Reset();
            return Task.FromResult(ApiResult.Success("The counters have been reset."));
        });

        Admin(app, runtime, "GET", "/_emulator/settings", true, _ =>
            Task.FromResult(ApiResult.Data(w => SettingsJson.Write(w, runtime.Settings))));

        Admin(app, runtime, "PUT", "/_emulator/settings", true, body =>
        {
            var (settings, error) = SettingsJson.Apply(runtime.Settings, body);
            if (settings is null)
            {
                return Task.FromResult(error!);
            }
            runtime.Settings = settings;
            return Task.FromResult(ApiResult.Data(w => SettingsJson.Write(w, settings)));
        });

        app.MapMethods("/_emulator/shutdown", ["POST"], async http =>
        {
            if (CheckKey(http, runtime) is { } denied)
            {
                await denied.WriteAsync(http.Response, http.RequestAborted);
                return;
            }
            http.Response.OnCompleted(() =>
            {
                lifetime.StopApplication();
                return Task.CompletedTask;
            });
            await ApiResult.Success("The emulator is shutting down.").WriteAsync(http.Response, http.RequestAborted);
        }).WithMetadata(new AdminOperation(true));
    }

    private static void Admin(IEndpointRouteBuilder app, EmulatorRuntime runtime, string method, string path, bool requiresKey,
        Func<JsonBody, Task<ApiResult>> handler) =>
        app.MapMethods(path, [method], async http =>
        {
            var result = requiresKey ? CheckKey(http, runtime) : null;
            if (result is null)
            {
                var (bytes, tooLarge) = await RequestBodyReader.ReadAsync(http.Request, http.RequestAborted);
                if (tooLarge)
                {
                    result = ApiErrors.PayloadTooLarge(RequestBodyReader.Limit);
                }
                else if (!JsonBody.TryParse(bytes, http.Request.ContentType, out var body, out var problem))
                {
                    result = ApiErrors.BadRequest(problem!);
                }
                else
                {
                    result = await handler(body);
                }
            }
            await result.WriteAsync(http.Response, http.RequestAborted);
        }).WithMetadata(new AdminOperation(requiresKey));

    /// <summary>The admin surface takes the fullAccess key only.</summary>
    private static ApiResult? CheckKey(HttpContext http, EmulatorRuntime runtime)
    {
        var key = http.Request.Headers["apikey"].ToString();
        if (string.IsNullOrWhiteSpace(key))
        {
            return ApiErrors.EmptyApiKey();
        }
        if (key == runtime.ApiKey)
        {
            return null;
        }
        return key == runtime.AuthOnlyKey ? ApiErrors.NoAccess(key) : ApiErrors.ApiKeyNotFound(key, runtime.Settings.MaskRejectedKeys);
    }

    private static async Task<ApiResult> Presence(EmulatorRuntime runtime, JsonBody body)
    {
        var uids = body.StringArray("uids");
        var status = body.String("status");
        long? lastActiveAt = null;
        if (body.TryGet("lastActiveAt", out var at))
        {
            if (at.ValueKind == JsonValueKind.Number && at.TryGetInt64(out var seconds) && seconds >= 0)
            {
                lastActiveAt = seconds;
            }
            else
            {
                body.Errors.Add("lastActiveAt", "The lastActiveAt must be a unix time in seconds.");
            }
        }
        if (uids is null ? !body.Errors.ContainsKey("uids") : uids.Count == 0)
        {
            body.Errors.Add("uids", "The uids field is required.");
        }
        if (status is not ("online" or "offline") && !body.Errors.ContainsKey("status"))
        {
            body.Errors.Add("status", "The status must be online or offline.");
        }
        if (!body.Errors.IsEmpty)
        {
            return ApiErrors.Validation(body.Errors);
        }
        var result = await runtime.Store.SetPresenceAsync(uids!, status == "online", lastActiveAt ?? runtime.Store.Now);
        return ApiResult.Data(w => Buckets.Write(w, ("updatedUids", result.Changed), ("notFound", result.NotFound)));
    }
}
