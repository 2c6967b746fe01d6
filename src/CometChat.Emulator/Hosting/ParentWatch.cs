using System.Diagnostics;

namespace CometChat.Emulator.Hosting;

/// <summary>
/// Stops the emulator when the process that started it is gone, so a PowerShell session that crashed or was
/// killed doesn't leave an emulator (and its temporary database) behind.
/// </summary>
internal static class ParentWatch
{
    public static async Task StopWhenGoneAsync(int parentProcessId, EmulatorApp app)
    {
        try
        {
            using var parent = Process.GetProcessById(parentProcessId);
            await parent.WaitForExitAsync(app.Stopping);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await app.StopAsync();
    }
}
