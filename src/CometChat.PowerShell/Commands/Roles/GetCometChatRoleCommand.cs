namespace CometChat.PowerShell.Commands;

/// <summary>Gets roles: the given ones, or every role of the app.</summary>
[Cmdlet(VerbsCommon.Get, "CometChatRole")]
[OutputType(typeof(CometChatRole))]
public sealed class GetCometChatRoleCommand : CometChatCmdlet
{
    /// <summary>Role ids to get; every role when not given.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.RoleCompleter))]
    public string[]? Role { get; set; }

    /// <summary>The piped record, kept as the target of its error.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (Role is null)
        {
            try
            {
                new PageStreamer<CometChatRole>(this, (client, page, size, token) => client.ListRolesAsync(page, size, token))
                    .Stream(100, 0, ulong.MaxValue, WriteObject);
            }
            catch (CometChatException error)
            {
                WriteFailure(error, null);
            }
            return;
        }
        foreach (var role in Role)
        {
            try
            {
                var id = (role ?? string.Empty).Trim();
                if (id.Length == 0)
                {
                    throw new ArgumentException("The role is empty.");
                }
                WriteObject(Await((client, token) => client.GetRoleAsync(id, token)));
            }
            catch (Exception error) when (error is CometChatException or ArgumentException)
            {
                WriteFailure(error, InputObject ?? (object?)role);
            }
        }
    }
}
