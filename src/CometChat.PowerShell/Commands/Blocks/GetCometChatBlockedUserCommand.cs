using System;
using System.Management.Automation;
using CometChat.Client.Errors;
using CometChat.Client.Models;
using CometChat.PowerShell.Infrastructure;

namespace CometChat.PowerShell.Commands;

/// <summary>
/// Lists the users a user has blocked, every page. Each is the blocked user (Uid, Name, Role...) with BlockedBy, the
/// user who blocked them, so piping them to Unblock-CometChatUser lifts the blocks, and to a user cmdlet acts on them.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CometChatBlockedUser")]
[OutputType(typeof(CometChatBlockedUser))]
public sealed class GetCometChatBlockedUserCommand : CometChatCmdlet
{
    /// <summary>The user whose blocks to list: a uid, or any object with a Uid property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("UserId")]
    [UidTransformation]
    [ArgumentCompleter(typeof(Completion.UidCompleter))]
    public string[] Uid { get; set; } = Array.Empty<string>();

    /// <summary>Blocks per request, 1-1000 (default 100). Every page is fetched either way.</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int PageSize { get; set; } = 100;

    /// <summary>The piped record, kept as the target of its error.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var (blocker, target) in UidsOf(Uid, InputObject))
        {
            try
            {
                new PageStreamer<CometChatBlockedUser>(this, (client, page, size, token) => client.ListBlockedUsersAsync(blocker, page, size, token))
                    .Stream(PageSize, 0, ulong.MaxValue, WriteObject);
            }
            catch (CometChatException error)
            {
                WriteFailure(error, target);
            }
        }
    }
}
