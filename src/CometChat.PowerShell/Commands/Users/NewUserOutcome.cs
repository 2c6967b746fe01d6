namespace CometChat.PowerShell.Commands;

/// <summary>What New-CometChatUser does when the uid is taken.</summary>
public enum IfExistsAction
{
    /// <summary>Report ERR_UID_ALREADY_EXISTS for the record.</summary>
    Error,

    /// <summary>Leave the existing user alone.</summary>
    Skip,

    /// <summary>Update the existing user with the given properties.</summary>
    Update,
}

/// <summary>What happened to one record of New-CometChatUser.</summary>
public enum NewUserOutcomeKind
{
    /// <summary>The user was created.</summary>
    Created,

    /// <summary>The user existed and was left alone.</summary>
    Skipped,

    /// <summary>The user existed and was updated.</summary>
    Updated,
}

/// <summary>The result of one record of New-CometChatUser.</summary>
public sealed class NewUserOutcome
{
    internal NewUserOutcome(CometChatUser? user, NewUserOutcomeKind kind)
    {
        User = user;
        Kind = kind;
    }

    /// <summary>The user as stored, or null when skipped.</summary>
    public CometChatUser? User { get; }

    /// <summary>What happened.</summary>
    public NewUserOutcomeKind Kind { get; }
}
