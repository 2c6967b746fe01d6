namespace CometChat.PowerShell;

/// <summary>What Block- or Unblock-CometChatUser did for one pair of users.</summary>
public sealed class BlockChange
{
    internal BlockChange(string uid, string blockedUid, string result, string? message)
    {
        Uid = uid;
        BlockedUid = blockedUid;
        Result = result;
        Message = message;
    }

    /// <summary>The user who blocks.</summary>
    public string Uid { get; }

    /// <summary>The user who is (or was) blocked.</summary>
    public string BlockedUid { get; }

    /// <summary><c>Blocked</c> or <c>Unblocked</c>.</summary>
    public string Result { get; }

    /// <summary>CometChat's message.</summary>
    public string? Message { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Uid} -> {BlockedUid}: {Result}";
}
