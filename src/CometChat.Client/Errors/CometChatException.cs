namespace CometChat.Client.Errors;

/// <summary>Base of every failure the client reports. <see cref="ErrorCode"/> is CometChat's machine code.</summary>
public abstract class CometChatException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected CometChatException(string errorCode, string message, Exception? inner = null) : base(message, inner)
    {
        ErrorCode = errorCode;
    }

    /// <summary>CometChat's error code, e.g. <c>ERR_UID_NOT_FOUND</c>, or a client code such as <c>ERR_CONNECTION_FAILED</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>How many attempts were made before giving up.</summary>
    public int Attempts { get; internal set; } = 1;
}
