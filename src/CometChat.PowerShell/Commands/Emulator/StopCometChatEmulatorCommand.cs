using CometChat.PowerShell.Emulator;

namespace CometChat.PowerShell.Commands;

/// <summary>Stops emulators started by Start-CometChatEmulator: the given one, or all of this session's.</summary>
[Cmdlet(VerbsLifecycle.Stop, "CometChatEmulator")]
[OutputType(typeof(void))]
public sealed class StopCometChatEmulatorCommand : PSCmdlet
{
    private readonly List<EmulatorProcess> _toStop = new();

    /// <summary>The emulator to stop (from Start-CometChatEmulator); all of this session's when not given.</summary>
    [Parameter(ValueFromPipeline = true, Position = 0)]
    public CometChatEmulator[]? InputObject { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var emulator in InputObject ?? new CometChatEmulator[0])
        {
            if (EmulatorProcess.Find(emulator.ProcessId) is { } process)
            {
                _toStop.Add(process);
            }
            else
            {
                WriteWarning($"The emulator at {emulator.BaseUri} (process {emulator.ProcessId}) is not running in this session.");
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (InputObject is null && _toStop.Count == 0)
        {
            _toStop.AddRange(EmulatorProcess.All());
        }
        foreach (var process in _toStop)
        {
            WriteVerbose($"Stopping the CometChat emulator at {process.BaseUri} (process {process.ProcessId}).");
            process.Stop();
            if (DefaultConnection.Current is { } current && current.BaseUri == process.BaseUri)
            {
                DefaultConnection.Current = null;
            }
        }
    }
}
