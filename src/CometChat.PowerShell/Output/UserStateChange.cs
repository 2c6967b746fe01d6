namespace CometChat.PowerShell;

/// <summary>What Disable- or Enable-CometChatUser did with one uid.</summary>
public sealed class UserStateChange
{
    internal UserStateChange(string uid, string result)
    {
        Uid = uid;
        Result = result;
    }

    /// <summary>The user.</summary>
    public string Uid { get; }

    /// <summary><c>Deactivated</c>, <c>AlreadyDeactivated</c>, <c>Reactivated</c> or <c>AlreadyActive</c>.</summary>
    public string Result { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Uid}: {Result}";
}
