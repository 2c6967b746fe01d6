namespace CometChat.Client.Errors;

/// <summary>
/// Every error code the client and the module name, once: CometChat's own (contract §9.2) and the three the client
/// makes for answers that never came or could not be read.
/// </summary>
public static class ErrorCodes
{
    /// <summary>Validation failed; <c>details</c> names the fields.</summary>
    public const string BadRequest = "ERR_BAD_REQUEST";

    /// <summary>A create whose uid is taken (by an active or a deactivated user).</summary>
    public const string UidAlreadyExists = "ERR_UID_ALREADY_EXISTS";

    /// <summary>An unknown or deactivated uid.</summary>
    public const string UidNotFound = "ERR_UID_NOT_FOUND";

    /// <summary>An unknown role.</summary>
    public const string RoleNotFound = "ERR_ROLE_NOT_FOUND";

    /// <summary>A request body over 10 KB.</summary>
    public const string PayloadTooLarge = "ERR_PAYLOAD_TOO_LARGE";

    /// <summary>Over the rate limit (429).</summary>
    public const string TooManyRequests = "ERR_TOO_MANY_REQUESTS";

    /// <summary>No <c>apikey</c> header.</summary>
    public const string EmptyApiKey = "AUTH_ERR_EMPTY_APIKEY";

    /// <summary>A key the app doesn't have.</summary>
    public const string ApiKeyNotFound = "AUTH_ERR_APIKEY_NOT_FOUND";

    /// <summary>An Auth Only key used for anything but creating users and auth tokens.</summary>
    public const string NoAccess = "AUTH_ERR_NO_ACCESS";

    /// <summary>Made by the client: the connection failed or was closed before an answer, after the retries.</summary>
    public const string ConnectionFailed = "ERR_CONNECTION_FAILED";

    /// <summary>Made by the client: no answer in time, after the retries.</summary>
    public const string RequestTimeout = "ERR_REQUEST_TIMEOUT";

    /// <summary>Made by the client: an answer that is not the contract's JSON.</summary>
    public const string InvalidResponse = "ERR_INVALID_RESPONSE";

    /// <summary>Made by the module: CometChat answered a bulk request without a result for one of its targets.</summary>
    public const string NoResult = "ERR_NO_RESULT";
}
