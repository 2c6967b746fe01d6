using System;
using System.Management.Automation;
using CometChat.Client.Errors;
using CometChat.Client.Models;
using CometChat.PowerShell.Infrastructure;

namespace CometChat.PowerShell.Commands;

/// <summary>
/// Lists a user's friends, every page. Each is the friend (Uid, Name, Role...) with FriendOf, so piping them to
/// Remove-CometChatFriend ends the friendships, and to a user cmdlet acts on the friends.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CometChatFriend")]
[OutputType(typeof(CometChatFriend))]
public sealed class GetCometChatFriendCommand : CometChatCmdlet
{
    /// <summary>The users whose friends to list: uids, or any objects with a Uid property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("UserId")]
    [UidTransformation]
    [ArgumentCompleter(typeof(Completion.UidCompleter))]
    public string[] Uid { get; set; } = Array.Empty<string>();

    /// <summary>Only friends whose uid or name starts with this text.</summary>
    [Parameter]
    [ValidateFilter]
    public string? SearchKey { get; set; }

    /// <summary>Friends per request, 1-1000 (default 100). Every page is fetched either way.</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int PageSize { get; set; } = 100;

    /// <summary>The piped record, kept as the target of its error.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var searchKey = SearchKey;
        foreach (var (uid, target) in UidsOf(Uid, InputObject))
        {
            try
            {
                new PageStreamer<CometChatFriend>(this, (client, page, size, token) => client.ListFriendsAsync(uid, searchKey, page, size, token))
                    .Stream(PageSize, 0, ulong.MaxValue, WriteObject);
            }
            catch (CometChatException error)
            {
                WriteFailure(error, target);
            }
        }
    }
}
