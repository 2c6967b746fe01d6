namespace CometChat.Client.Models;

/// <summary>The per-target result CometChat gives for block and unblock: <c>{"success", "message", "code"?}</c>.</summary>
public sealed class ActionResult
{
    /// <summary>Whether the action succeeded for this target.</summary>
    public bool Success { get; set; }

    /// <summary>CometChat's message.</summary>
    public string? Message { get; set; }

    /// <summary>The error code when it failed, e.g. <c>ERR_UID_NOT_FOUND</c> or <c>ERR_CANNOT_BLOCK_SELF</c>.</summary>
    public string? Code { get; set; }
}
