namespace CometChat.PowerShell.Commands;

/// <summary>Forgets the default connection of the current runspace.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "CometChat")]
[OutputType(typeof(void))]
public sealed class DisconnectCometChatCommand : PSCmdlet
{
    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (DefaultConnection.Current is { } current)
        {
            WriteVerbose($"Disconnected from {current}.");
        }
        DefaultConnection.Current = null;
    }
}
