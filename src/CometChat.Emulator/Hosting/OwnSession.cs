using System.Runtime.InteropServices;

namespace CometChat.Emulator.Hosting;

/// <summary>
/// Moves the emulator into a session of its own when a PowerShell session started it. Otherwise it shares that
/// terminal's process group, and a Ctrl+C meant for a command in PowerShell (SIGINT goes to the whole foreground
/// group) would kill the emulator too, losing its data. It still stops with its parent (see ParentWatch), on
/// SIGTERM, and on <c>POST /_emulator/shutdown</c>.
/// </summary>
internal static class OwnSession
{
    public static void Enter()
    {
        if (OperatingSystem.IsWindows())
        {
            // Started without a console window, it gets no console Ctrl+C events.
            return;
        }
        // Fails only when the process already leads a process group, which is then not the terminal's.
        _ = setsid();
    }

    // A plain DllImport: an int with no arguments needs no marshalling, and LibraryImport would need unsafe code.
#pragma warning disable SYSLIB1054
    [DllImport("libc", SetLastError = true)]
    private static extern int setsid();
#pragma warning restore SYSLIB1054
}
