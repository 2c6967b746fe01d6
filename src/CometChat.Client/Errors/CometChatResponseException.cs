namespace CometChat.Client.Errors;

/// <summary>
/// CometChat (or something in between, such as a proxy) answered with something the client can't read: not JSON,
/// JSON of another shape than the contract's, or a body larger than any answer of the API can be.
/// </summary>
public sealed class CometChatResponseException : CometChatException
{
    /// <summary>Creates the exception.</summary>
    public CometChatResponseException(int statusCode, string message, Exception? inner = null)
        : base(ErrorCodes.InvalidResponse, message, inner)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public int StatusCode { get; }
}
