namespace CometChat.Client.Http;

/// <summary>CometChat's two rate-limit tiers.</summary>
public enum RateBucket
{
    /// <summary>Create/delete user, deactivate users, create auth token: 10,000 per minute in production.</summary>
    Core,

    /// <summary>Everything else: 20,000 per minute in production.</summary>
    Standard,
}
