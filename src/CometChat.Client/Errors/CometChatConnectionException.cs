using System;

namespace CometChat.Client.Errors;

/// <summary>No usable answer: the connection failed, was dropped, or the request timed out, even after retries.</summary>
public sealed class CometChatConnectionException : CometChatException
{
    /// <summary>Code for a connection that failed or was closed before a response.</summary>
    public const string ConnectionFailed = "ERR_CONNECTION_FAILED";

    /// <summary>Code for a request that got no answer in time.</summary>
    public const string Timeout = "ERR_REQUEST_TIMEOUT";

    /// <summary>Creates the exception.</summary>
    public CometChatConnectionException(string errorCode, string message, Exception? inner = null)
        : base(errorCode, message, inner) { }
}
