using CometChat.Emulator.Hosting;
using Microsoft.Data.Sqlite;

namespace CometChat.Emulator;

/// <summary>Command-line entry: <c>dotnet CometChat.Emulator.dll [options]</c>.</summary>
public static class Program
{
    /// <summary>Runs the emulator until SIGTERM, SIGINT or <c>POST /_emulator/shutdown</c>.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (CommandLine.WantsHelp(args))
        {
            Console.Out.WriteLine(CommandLine.Usage);
            return 0;
        }
        EmulatorOptions options;
        try
        {
            options = CommandLine.Parse(args, Environment.GetEnvironmentVariable);
        }
        catch (CommandLine.UsageException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 2;
        }

        if (options.ParentProcessId is not null)
        {
            OwnSession.Enter();
        }

        EmulatorApp app;
        try
        {
            app = EmulatorApp.Create(options);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"error: cannot open the data file '{options.DataPath}': {e.Message}");
            return 2;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync();
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"error: cannot listen on {options.Host}:{options.Port}: {e.Message}");
                return 2;
            }
            Console.Out.WriteLine($"Listening on {app.BaseAddress}");
            if (app.ApiKeyGenerated)
            {
                Console.Out.WriteLine($"fullAccess key: {app.ApiKey}");
            }
            if (app.AuthOnlyKeyGenerated)
            {
                Console.Out.WriteLine($"authOnly key: {app.AuthOnlyKey}");
            }
            Console.Out.Flush();
            if (options.ParentProcessId is { } parent)
            {
                _ = ParentWatch.StopWhenGoneAsync(parent, app);
            }
            await app.WaitForShutdownAsync();
        }
        return 0;
    }
}
