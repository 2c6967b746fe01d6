namespace CometChat.PowerShell.Commands;

/// <summary>Gets the default connection of the current runspace; nothing when not connected.</summary>
[Cmdlet(VerbsCommon.Get, "CometChatContext")]
[OutputType(typeof(CometChatContext))]
public sealed class GetCometChatContextCommand : PSCmdlet
{
    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (DefaultConnection.Current is { } current)
        {
            if (current.Emulator is { HasExited: true } emulator)
            {
                WriteWarning($"The emulator behind this connection (process {emulator.ProcessId}) has exited with code {emulator.ExitCodeText}; commands using it will fail. Start a new one with Start-CometChatEmulator.");
            }
            WriteObject(current);
        }
    }
}
