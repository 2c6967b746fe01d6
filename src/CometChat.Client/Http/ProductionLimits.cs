namespace CometChat.Client.Http;

/// <summary>CometChat's rate limits per app in production (requests per minute), when the service reports none lower.</summary>
public static class ProductionLimits
{
    /// <summary>Core operations (create/delete user, deactivate, create auth token) per minute.</summary>
    public const int CoreRequestsPerMinute = 10_000;

    /// <summary>All other operations per minute.</summary>
    public const int StandardRequestsPerMinute = 20_000;
}
