using System.Security;
using CometChat.Client.Secrets;

namespace CometChat.PowerShell.Commands;

/// <summary>Connects to a CometChat app and makes it the default connection of the current runspace.</summary>
[Cmdlet(VerbsCommunications.Connect, "CometChat", DefaultParameterSetName = EnvironmentSet)]
[OutputType(typeof(CometChatContext))]
public sealed class ConnectCometChatCommand : CancellableCmdlet
{
    private const string AppSet = "App";
    private const string UriSet = "BaseUri";
    private const string EnvironmentSet = "Environment";

    /// <summary>The app ID from the CometChat dashboard.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AppSet, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string AppId { get; set; } = string.Empty;

    /// <summary>The app's region: us, eu or in.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AppSet, Position = 1)]
    [ValidateSet("us", "eu", "in", IgnoreCase = true)]
    public string Region { get; set; } = string.Empty;

    /// <summary>A full API root instead of app and region: the emulator, or a proxy.</summary>
    [Parameter(Mandatory = true, ParameterSetName = UriSet)]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>The REST API key (a SecureString; a plain string is accepted too).</summary>
    [Parameter(Mandatory = true, ParameterSetName = AppSet)]
    [Parameter(Mandatory = true, ParameterSetName = UriSet)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    /// <summary>Pace core operations (create/delete user, deactivate, auth token) to this many per minute; 0 = no pacing.
    /// Default: CometChat's 10,000, lowered automatically when the service reports a lower limit.</summary>
    [Parameter]
    [ValidateRange(0, 1_000_000)]
    public int? CoreRequestsPerMinute { get; set; }

    /// <summary>Pace other operations to this many per minute; 0 = no pacing. Default: CometChat's 20,000.</summary>
    [Parameter]
    [ValidateRange(0, 1_000_000)]
    public int? StandardRequestsPerMinute { get; set; }

    /// <summary>Seconds one attempt may take before it is retried (default 30).</summary>
    [Parameter]
    [ValidateRange(1, 600)]
    public int? TimeoutSec { get; set; }

    /// <summary>Retries after a failed attempt (429, 5xx, timeouts, dropped connections; default 6).</summary>
    [Parameter]
    [ValidateRange(0, 20)]
    public int? MaxRetryCount { get; set; }

    /// <summary>Don't check the key with a request now (offline preparation, -WhatIf dry runs).</summary>
    [Parameter]
    public SwitchParameter SkipConnectionTest { get; set; }

    /// <summary>Output the connection object.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Don't make this the default connection (use it with -PassThru and -Context).</summary>
    [Parameter]
    public SwitchParameter NoDefault { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var (baseUri, apiKey, appId, region) = ParameterSetName switch
        {
            AppSet => (AppBaseUriOrThrow(AppId, Region), ApiKey!, AppId, Region.ToLowerInvariant()),
            UriSet => (NormalizeOrThrow(BaseUri!), ApiKey!, null, null),
            _ => FromEnvironment(),
        };

        var isEmulator = !SkipConnectionTest && Await(token => ConnectionFactory.IsEmulatorAtAsync(baseUri, token));
        var context = ConnectionFactory.Create(baseUri, apiKey, appId, region, isEmulator,
            CoreRequestsPerMinute, StandardRequestsPerMinute, TimeoutSec is { } seconds ? TimeSpan.FromSeconds(seconds) : null, MaxRetryCount);
        if (!SkipConnectionTest)
        {
            Test(context);
        }
        if (!NoDefault)
        {
            DefaultConnection.Replace(this, context, warn: PassThru);
        }
        WriteVerbose($"Connected to {context}{(NoDefault ? " (not the default connection)" : string.Empty)}.");
        if (PassThru)
        {
            WriteObject(context);
        }
    }

    private void Test(CometChatContext context)
    {
        try
        {
            // The cheapest call that needs a full-access key.
            Await(token => context.Client.ListRolesAsync(1, 1, token));
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        catch (CometChatApiException error) when (error.ErrorCode == ErrorCodes.NoAccess)
        {
            WriteWarning("This is an Auth Only key: it can create users and auth tokens, nothing else. Use a REST API key with full access to manage users.");
        }
        catch (Exception error) when (error is CometChatException)
        {
            ThrowTerminatingError(ErrorRecords.From(error, context.BaseUri));
        }
    }

    private (Uri, SecureString, string?, string?) FromEnvironment()
    {
        var key = Environment.GetEnvironmentVariable("COMETCHAT_API_KEY");
        var baseUri = Environment.GetEnvironmentVariable("COMETCHAT_BASE_URI");
        var appId = Environment.GetEnvironmentVariable("COMETCHAT_APP_ID");
        var region = Environment.GetEnvironmentVariable("COMETCHAT_REGION");
        if (string.IsNullOrEmpty(key) || (string.IsNullOrEmpty(baseUri) && (string.IsNullOrEmpty(appId) || string.IsNullOrEmpty(region))))
        {
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException("Connect-CometChat needs -AppId, -Region and -ApiKey (or -BaseUri and -ApiKey), or the environment variables COMETCHAT_API_KEY with COMETCHAT_APP_ID and COMETCHAT_REGION (or COMETCHAT_BASE_URI)."),
                "CometChatConnectionSettingsMissing", ErrorCategory.InvalidArgument, null));
        }
        if (!string.IsNullOrEmpty(baseUri))
        {
            if (!Uri.TryCreate(baseUri, UriKind.Absolute, out var parsed))
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException($"COMETCHAT_BASE_URI '{baseUri}' is not an absolute URI."),
                    "CometChatInvalidBaseUri", ErrorCategory.InvalidArgument, baseUri));
            }
            return (NormalizeOrThrow(parsed!), SecretText.Protect(key!), null, null);
        }
        var normalizedRegion = region!.Trim().ToLowerInvariant();
        if (normalizedRegion is not ("us" or "eu" or "in"))
        {
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException($"COMETCHAT_REGION '{region}' is not one of us, eu, in."),
                "CometChatInvalidRegion", ErrorCategory.InvalidArgument, region));
        }
        return (AppBaseUriOrThrow(appId!, normalizedRegion), SecretText.Protect(key!), appId, normalizedRegion);
    }

    private Uri AppBaseUriOrThrow(string appId, string region)
    {
        try
        {
            return Client.CometChatClientOptions.AppBaseUri(appId, region);
        }
        catch (ArgumentException error)
        {
            ThrowTerminatingError(new ErrorRecord(error, "CometChatInvalidAppId", ErrorCategory.InvalidArgument, appId));
            throw;
        }
    }

    private Uri NormalizeOrThrow(Uri uri)
    {
        try
        {
            return ConnectionFactory.NormalizeBaseUri(uri);
        }
        catch (ArgumentException error)
        {
            ThrowTerminatingError(new ErrorRecord(error, "CometChatInvalidBaseUri", ErrorCategory.InvalidArgument, uri));
            throw;
        }
    }
}
