namespace CometChat.Client.Errors;

/// <summary>No usable answer: the connection failed, was dropped, or the request timed out, even after retries.</summary>
public sealed class CometChatConnectionException : CometChatException
{
    /// <summary>Creates the exception.</summary>
    public CometChatConnectionException(string errorCode, string message, Exception? inner = null)
        : base(errorCode, message, inner) { }
}
