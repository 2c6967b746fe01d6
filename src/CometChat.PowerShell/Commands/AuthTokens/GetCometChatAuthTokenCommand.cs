using System;
using System.Management.Automation;
using CometChat.Client.Errors;
using CometChat.Client.Models;
using CometChat.PowerShell.Infrastructure;

namespace CometChat.PowerShell.Commands;

/// <summary>Lists a user's login tokens (every page), or gets one by its value.</summary>
[Cmdlet(VerbsCommon.Get, "CometChatAuthToken")]
[OutputType(typeof(CometChatAuthToken))]
public sealed class GetCometChatAuthTokenCommand : CometChatCmdlet
{
    /// <summary>The user: a uid, or any object with a Uid property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("UserId")]
    [UidTransformation]
    [ArgumentCompleter(typeof(Completion.UidCompleter))]
    public string[] Uid { get; set; } = Array.Empty<string>();

    /// <summary>One token to get (text or a SecureString); all of the user's tokens when not given.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("AuthToken")]
    [TokenTransformation]
    public string? Token { get; set; }

    /// <summary>The piped record, kept as the target of its error.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var (uid, target) in UidsOf(Uid, InputObject))
        {
            try
            {
                if (!string.IsNullOrEmpty(Token))
                {
                    var token = Token!;
                    WriteObject(Await((client, cancel) => client.GetAuthTokenAsync(uid, token, cancel)));
                    continue;
                }
                new PageStreamer<CometChatAuthToken>(this, (client, page, size, cancel) => client.ListAuthTokensAsync(uid, page, size, cancel))
                    .Stream(100, 0, ulong.MaxValue, WriteObject);
            }
            catch (CometChatException error)
            {
                WriteFailure(error, target);
            }
        }
    }
}
