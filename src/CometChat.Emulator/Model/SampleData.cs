namespace CometChat.Emulator.Model;

/// <summary>Which sample users a new app starts with (<c>--sample-data</c>).</summary>
public enum SampleDataSet
{
    /// <summary>No users: the emulator's default.</summary>
    None,

    /// <summary><c>cometchat-uid-1</c> … <c>cometchat-uid-5</c>, what apps created since 12 August 2024 get.</summary>
    Current,

    /// <summary><c>superhero1</c> … <c>superhero5</c>, what older apps got.</summary>
    Superheroes,
}

/// <summary>
/// The five users a new CometChat app comes with, as CometChat's sample apps and documentation show them
/// (sources in docs/emulator.md). They carry what the service returns for them: uid, name, avatar, the
/// default role and offline status; no link, metadata or tags.
/// </summary>
public static class SampleData
{
    private static readonly (string Uid, string Name, string Avatar)[] CurrentUsers =
    [
        ("cometchat-uid-1", "Andrew Joseph", "https://assets.cometchat.io/sampleapp/v2/users/cometchat-uid-1.webp"),
        ("cometchat-uid-2", "George Alan", "https://assets.cometchat.io/sampleapp/v2/users/cometchat-uid-2.webp"),
        ("cometchat-uid-3", "Nancy Grace", "https://assets.cometchat.io/sampleapp/v2/users/cometchat-uid-3.webp"),
        ("cometchat-uid-4", "Susan Marie", "https://assets.cometchat.io/sampleapp/v2/users/cometchat-uid-4.webp"),
        ("cometchat-uid-5", "John Paul", "https://assets.cometchat.io/sampleapp/v2/users/cometchat-uid-5.webp"),
    ];

    private static readonly (string Uid, string Name, string Avatar)[] SuperheroUsers =
    [
        ("superhero1", "Iron Man", "https://data-us.cometchat.io/assets/images/avatars/ironman.png"),
        ("superhero2", "Captain America", "https://data-us.cometchat.io/assets/images/avatars/captainamerica.png"),
        ("superhero3", "Spiderman", "https://data-us.cometchat.io/assets/images/avatars/spiderman.png"),
        ("superhero4", "Wolverine", "https://data-us.cometchat.io/assets/images/avatars/wolverine.png"),
        ("superhero5", "Cyclops", "https://data-us.cometchat.io/assets/images/avatars/cyclops.png"),
    ];

    /// <summary>The users of a set, created at <paramref name="createdAt"/> (when the app was).</summary>
    public static IReadOnlyList<User> Users(SampleDataSet set, long createdAt) =>
        (set switch
        {
            SampleDataSet.Current => CurrentUsers,
            SampleDataSet.Superheroes => SuperheroUsers,
            _ => [],
        }).Select(u => new User { Uid = u.Uid, Name = u.Name, Avatar = u.Avatar, CreatedAt = createdAt }).ToList();

    /// <summary>Parses <c>current</c>, <c>superheroes</c> or <c>none</c> (any case); null for anything else.</summary>
    public static SampleDataSet? Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "current" => SampleDataSet.Current,
        "superheroes" => SampleDataSet.Superheroes,
        "none" => SampleDataSet.None,
        _ => null,
    };
}
