namespace CometChat.PowerShell;

/// <summary>What Add- or Remove-CometChatFriend did for one pair of users.</summary>
public sealed class FriendChange
{
    internal FriendChange(string uid, string friendUid, string result, string? message)
    {
        Uid = uid;
        FriendUid = friendUid;
        Result = result;
        Message = message;
    }

    /// <summary>The user whose friends changed.</summary>
    public string Uid { get; }

    /// <summary>The friend added or removed (the friendship goes both ways).</summary>
    public string FriendUid { get; }

    /// <summary><c>Added</c> or <c>Removed</c>.</summary>
    public string Result { get; }

    /// <summary>CometChat's message.</summary>
    public string? Message { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Uid} <-> {FriendUid}: {Result}";
}
