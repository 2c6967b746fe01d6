using System.Net;
using System.Security.Cryptography;
using CometChat.Emulator.Endpoints;
using CometChat.Emulator.Http;
using CometChat.Emulator.Runtime;
using CometChat.Emulator.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CometChat.Emulator.Hosting;

/// <summary>
/// One emulator instance: Kestrel on the configured address, the /v3 API and the admin surface.
/// Used by <c>Program</c> and, in-process, by tests.
/// </summary>
public sealed class EmulatorApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Store _store;
    private bool _disposed;

    private EmulatorApp(WebApplication app, Store store, EmulatorRuntime runtime, bool apiKeyGenerated, bool authOnlyKeyGenerated)
    {
        _app = app;
        _store = store;
        Runtime = runtime;
        ApiKeyGenerated = apiKeyGenerated;
        AuthOnlyKeyGenerated = authOnlyKeyGenerated;
    }

    /// <summary>The shared state (store, settings, counters).</summary>
    public EmulatorRuntime Runtime { get; }

    /// <summary>The fullAccess key.</summary>
    public string ApiKey => Runtime.ApiKey;

    /// <summary>The authOnly key.</summary>
    public string AuthOnlyKey => Runtime.AuthOnlyKey;

    /// <summary>True when the fullAccess key was generated (and so should be printed).</summary>
    public bool ApiKeyGenerated { get; }

    /// <summary>True when the authOnly key was generated.</summary>
    public bool AuthOnlyKeyGenerated { get; }

    /// <summary>e.g. <c>http://127.0.0.1:5000</c>; known once started.</summary>
    public string BaseAddress =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    /// <summary>The /v3 operations served (method, route template, rate bucket, key scope).</summary>
    public IReadOnlyList<ApiOperation> Operations =>
        ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints)
            .Select(e => e.Metadata.GetMetadata<ApiOperation>())
            .OfType<ApiOperation>()
            .ToList();

    /// <summary>Signalled when the emulator begins to stop (admin shutdown, SIGTERM, SIGINT).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>Builds an emulator; opens (or creates) its database.</summary>
    public static EmulatorApp Create(EmulatorOptions options)
    {
        var problem = options.Settings.Validate();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }
        var address = IPAddress.Parse(options.Host);
        var temporary = options.DataPath is null;
        var path = options.DataPath ?? Path.Combine(Path.GetTempPath(), $"cometchat-emulator-{Guid.NewGuid():N}.db");
        var store = new Store(SqlitePersistence.Open(path, temporary), options.TimeProvider, options.SampleData);
        var runtime = new EmulatorRuntime(store,
            options.ApiKey ?? RandomNumberGenerator.GetHexString(40, lowercase: true),
            options.AuthOnlyKey ?? RandomNumberGenerator.GetHexString(40, lowercase: true),
            options.Settings, options.TimeProvider);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        // Quiet stdout: the module reads it for the "Listening on" line. Warnings and errors go to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
            o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(address, options.Port);
        });
        builder.Services.AddSingleton(runtime);

        var app = builder.Build();
        app.Use(ApiVersionAlias.RewriteAsync);
        app.UseRouting();
        app.UseMiddleware<ApiPipeline>();
        UsersEndpoints.Map(app);
        UserListEndpoint.Map(app);
        BulkUsersEndpoints.Map(app);
        RolesEndpoints.Map(app);
        AuthTokensEndpoints.Map(app);
        BlockedUsersEndpoints.Map(app);
        FriendsEndpoints.Map(app);
        DataImportEndpoint.Map(app);
        AdminEndpoints.Map(app, runtime, app.Lifetime);
        return new EmulatorApp(app, store, runtime, options.ApiKey is null, options.AuthOnlyKey is null);
    }

    /// <summary>Starts listening.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    /// <summary>Waits until a shutdown is requested, then stops the server.</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <summary>Stops gracefully, as SIGTERM would.</summary>
    public Task StopAsync() => _app.StopAsync();

    /// <summary>Stops the server, flushes and closes the database (deleting a temporary one).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            _store.Dispose();
        }
    }
}
