namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// Base of the bulk cmdlets that act on users given by <c>-Uid</c>: uids, or any objects with a Uid property
/// (this module's users and results, CSV rows), alone or in arrays, from the command line or the pipeline. The piped
/// record is kept as the target of its errors.
/// </summary>
public abstract class UserBulkCmdlet<TResult> : CometChatBulkCmdlet<TResult>
{
    /// <summary>The users: uids, or any objects with a Uid property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("UserId")]
    [UidTransformation]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(Completion.UidCompleter))]
    public string[] Uid { get; set; } = Array.Empty<string>();

    /// <summary>The piped record, kept as the target of its error.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override int ExpectedFromArguments => MyInvocation.ExpectingInput ? 0 : Uid.Length;
}
