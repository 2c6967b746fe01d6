using System.Reflection;
using CometChat.Client.Errors;
using CometChat.Client.Models;
using CometChat.Client.Validation;

namespace CometChat.Client.Tests;

/// <summary>
/// The contract's field rules, checked before a request is built: nothing that breaks them leaves the client, and
/// no value can become more (or other) than one path segment.
/// </summary>
public sealed class InputRulesTests
{
    public static TheoryData<string, string> HostileUids => new()
    {
        { "../roles", "'.' (U+002E) at position 1" },
        { "a/b", "'/' (U+002F) at position 2" },
        { "%2e%2e", "'%' (U+0025) at position 1" },
        { "a?b=c", "'?' (U+003F) at position 2" },
        { "a#b", "'#' (U+0023) at position 2" },
        { "..", "'.' (U+002E) at position 1" },
        { " alice", "a space (U+0020) at position 1" },
        { "alice ", "a space (U+0020) at position 6" },
        { "a\tb", "a tab (U+0009) at position 2" },
        { "a\nb", "a line break (U+000A) at position 2" },
        { "\u0430lice", "'\u0430' (U+0430) at position 1" },          // Cyrillic a
        { "alic\u0435", "'\u0435' (U+0435) at position 5" },          // Cyrillic e
        { "al\u200Bice", "'\u200B' (U+200B) at position 3" },          // zero-width space
        { "\uFF41lice", "'\uFF41' (U+FF41) at position 1" },          // full-width a
        { "a\U0001F600", "'\U0001F600' (U+1F600) at position 2" },     // outside the BMP
        { "a\0b", "a control character (U+0000) at position 2" },
    };

    [Theory]
    [MemberData(nameof(HostileUids))]
    public void A_hostile_uid_is_refused_naming_the_character(string uid, string expected)
    {
        var problem = InputRules.Identifier("uid", uid);
        Assert.NotNull(problem);
        Assert.Equal("uid", problem!.Field);
        Assert.StartsWith("The uid may only contain letters, numbers, dashes and underscores;", problem.Rule);
        Assert.Contains(expected, problem.Rule);
    }

    /// <summary>String parameters that become neither a path segment nor a header (a query value, escaped).</summary>
    private static readonly HashSet<string> NotPathValues = new(StringComparer.Ordinal) { "ListFriendsAsync.searchKey" };

    /// <summary>
    /// Every public method of the client with a string parameter (a uid, role id, token or onBehalfOf: each becomes
    /// a path segment or a header), found by reflection so that a method added later is covered without a list to keep.
    /// </summary>
    public static IReadOnlyList<(MethodInfo Method, ParameterInfo Parameter)> PathValueParameters { get; } =
        typeof(CometChatClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(method => typeof(Task).IsAssignableFrom(method.ReturnType))
            .SelectMany(method => method.GetParameters().Where(p => p.ParameterType == typeof(string)).Select(p => (method, p)))
            .Where(p => !NotPathValues.Contains($"{p.method.Name}.{p.p.Name}"))
            .ToList();

    [Fact]
    public void The_matrix_finds_every_method_that_builds_a_path()
    {
        var found = PathValueParameters.Select(p => $"{p.Method.Name}.{p.Parameter.Name}").ToList();
        foreach (var known in new[]
        {
            "GetUserAsync.uid", "GetUserAsync.onBehalfOf", "UpdateUserAsync.uid", "DeleteUserAsync.uid", "TryGetUserAsync.uid",
            "CreateAuthTokenAsync.uid", "ListAuthTokensAsync.uid", "GetAuthTokenAsync.uid", "GetAuthTokenAsync.token",
            "RemoveAuthTokenAsync.uid", "RemoveAuthTokenAsync.token", "RemoveAllAuthTokensAsync.uid",
            "BlockUsersAsync.uid", "UnblockUsersAsync.uid", "ListBlockedUsersAsync.uid",
            "GetRoleAsync.role", "UpdateRoleAsync.role", "RemoveRoleAsync.role",
        })
        {
            Assert.Contains(known, found);
        }
    }

    [Theory]
    [MemberData(nameof(HostileUids))]
    public async Task A_hostile_value_never_reaches_a_request_from_any_client_method(string hostile, string _)
    {
        var handler = new FakeHandler { Fallback = (_, _) => Task.FromResult(FakeHandler.Json(200, "{\"data\":{}}")) };
        using var client = TestClients.Create(handler);
        foreach (var (method, parameter) in PathValueParameters)
        {
            var arguments = method.GetParameters().Select(p => p == parameter ? hostile : ValidArgument(method, p)).ToArray();
            var error = await Record.ExceptionAsync(() => Invoke(client, method, arguments));
            Assert.True(error is CometChatValidationException, $"{method.Name}({parameter.Name}: {hostile}) was not refused before sending: {error?.GetType().Name} {error?.Message}");
            var refused = (CometChatValidationException)error!;
            Assert.True(refused.ErrorCode == "ERR_BAD_REQUEST" && refused.Message.EndsWith("Nothing was sent to CometChat.", StringComparison.Ordinal),
                $"{method.Name}({parameter.Name}: {hostile}): {refused.Message}");
            Assert.True(handler.Requests.IsEmpty, $"{method.Name}({parameter.Name}: {hostile}) sent {handler.Requests.FirstOrDefault()?.PathAndQuery}");
        }
        // Values inside request objects that reach a path or a header too.
        var inside = new Func<Task>[]
        {
            () => client.CreateUserAsync(new NewUser { Uid = hostile, Name = "x" }),
            () => client.CreateRoleAsync(new NewRole { Role = hostile, Name = "x" }),
            () => client.ListUsersAsync(new UserQuery { OnBehalfOf = hostile }),
        };
        foreach (var call in inside)
        {
            await Assert.ThrowsAsync<CometChatValidationException>(call);
        }
        Assert.Empty(handler.Requests);
    }

    private static Task Invoke(CometChatClient client, MethodInfo method, object?[] arguments)
    {
        try
        {
            return (Task)method.Invoke(client, arguments)!;
        }
        catch (TargetInvocationException thrown) when (thrown.InnerException is not null)
        {
            return Task.FromException(thrown.InnerException);
        }
    }

    /// <summary>A value the method accepts for a parameter other than the one under test.</summary>
    private static object? ValidArgument(MethodInfo method, ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(string) => "alice",
        var t when t == typeof(bool) => false,
        var t when t == typeof(int) => parameter.HasDefaultValue ? parameter.DefaultValue : 1,
        var t when t == typeof(CancellationToken) => CancellationToken.None,
        var t when t == typeof(IEnumerable<string>) => new[] { "bob" },
        var t when t == typeof(NewUser) => new NewUser { Uid = "alice", Name = "Alice" },
        var t when t == typeof(UserUpdate) => new UserUpdate { Name = "Alice" },
        var t when t == typeof(NewRole) => new NewRole { Role = "sales", Name = "Sales" },
        var t when t == typeof(RoleUpdate) => new RoleUpdate { Name = "Sales" },
        var t when t == typeof(UserQuery) => new UserQuery(),
        _ => throw new InvalidOperationException($"{method.Name}({parameter.Name}): no valid {parameter.ParameterType.Name} known; add one to {nameof(ValidArgument)}."),
    };

    [Fact]
    public void An_unpaired_surrogate_is_named_as_such()
    {
        // Not theory data: an invalid UTF-16 string does not survive the test runner's serialization.
        Assert.Contains("an unpaired surrogate (U+D800) at position 2", InputRules.Identifier("uid", "a\uD800")!.Rule);
        Assert.Contains("an unpaired surrogate (U+DC00) at position 1", InputRules.Identifier("uid", "\uDC00a")!.Rule);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("Ada-Lovelace_1815")]
    [InlineData("cometchat-uid-1")]
    public async Task A_valid_uid_is_one_escaped_segment(string uid)
    {
        var handler = new FakeHandler().ThenFixture("get-user");
        using var client = TestClients.Create(handler);
        await client.GetUserAsync(uid);
        Assert.Equal("/v3/users/" + uid, Assert.Single(handler.Requests).PathAndQuery);
    }

    [Fact]
    public void Identifiers_are_at_most_100_characters()
    {
        Assert.Null(InputRules.Identifier("uid", new string('a', 100)));
        var problem = InputRules.Identifier("uid", new string('a', 101));
        Assert.Equal("The uid may not be greater than 100 characters; it has 101.", problem!.Rule);
        Assert.Equal("The uid field is required.", InputRules.Identifier("uid", "  ")!.Rule);
        Assert.Equal("The uid field is required.", InputRules.Identifier("uid", null)!.Rule);
    }

    public static TheoryData<string, NewUser, string, string> BadUsers => new()
    {
        { "no name", new NewUser { Uid = "a", Name = " " }, "name", "The name field is required." },
        { "long name", new NewUser { Uid = "a", Name = new string('n', 101) }, "name", "The name may not be greater than 100 characters; it has 101." },
        { "avatar not a URL", new NewUser { Uid = "a", Name = "A", Avatar = "not a url" }, "avatar", "The avatar must be a valid URL" },
        { "avatar javascript:", new NewUser { Uid = "a", Name = "A", Avatar = "javascript:alert(1)" }, "avatar", "The avatar must be a valid URL" },
        { "link relative", new NewUser { Uid = "a", Name = "A", Link = "/profile/a" }, "link", "The link must be a valid URL" },
        { "link with a space", new NewUser { Uid = "a", Name = "A", Link = "https://example.com/a b" }, "link", "The link must be a valid URL" },
        { "long avatar", new NewUser { Uid = "a", Name = "A", Avatar = "https://example.com/" + new string('p', 2981) }, "avatar", "The avatar may not be greater than 3000 characters; it has 3001." },
        { "26 tags", new NewUser { Uid = "a", Name = "A", Tags = Enumerable.Range(1, 26).Select(i => "t" + i).ToList() }, "tags", "The tags may not have more than 25 items; there are 26." },
        { "blank tag", new NewUser { Uid = "a", Name = "A", Tags = new List<string> { "ok", " " } }, "tags.1", "The tags.1 field is required." },
        { "long tag", new NewUser { Uid = "a", Name = "A", Tags = new List<string> { new string('t', 101) } }, "tags.0", "The tags.0 may not be greater than 100 characters; it has 101." },
        { "metadata too big", new NewUser { Uid = "a", Name = "A", Metadata = MetadataOfBytes(5121) }, "metadata", "The metadata may not be greater than 5120 bytes; it has 5121." },
        { "role not an id", new NewUser { Uid = "a", Name = "A", Role = "../admin" }, "role", "The role '../admin' does not exist" },
    };

    [Theory]
    [MemberData(nameof(BadUsers))]
    public async Task A_new_user_that_breaks_a_rule_is_refused_before_sending(string name, NewUser user, string field, string rule)
    {
        var problems = InputRules.Check(user);
        var problem = Assert.Single(problems);
        Assert.Equal(field, problem.Field);
        Assert.StartsWith(rule, problem.Rule);

        var handler = new FakeHandler();
        using var client = TestClients.Create(handler);
        var error = await Assert.ThrowsAsync<CometChatValidationException>(() => client.CreateUserAsync(user));
        Assert.Equal(field, error.Field);
        Assert.Empty(handler.Requests);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Limits_themselves_are_allowed()
    {
        var user = new NewUser
        {
            Uid = new string('u', 100),
            Name = string.Concat(Enumerable.Repeat("\U0001F600", 100)), // 100 characters as CometChat counts them, 200 UTF-16 units
            Avatar = "https://example.com/" + new string('p', 2980),
            Tags = Enumerable.Range(1, 25).Select(i => new string('t', 100)).ToList(),
            Metadata = MetadataOfBytes(5120),
        };
        Assert.Empty(InputRules.Check(new NewUser { Uid = user.Uid, Name = user.Name, Avatar = user.Avatar, Tags = user.Tags }));
        Assert.Empty(InputRules.Check(new NewUser { Uid = "a", Name = "A", Metadata = user.Metadata }));
    }

    [Fact]
    public void A_body_over_10240_bytes_is_refused_with_the_code_CometChat_uses()
    {
        var user = new NewUser
        {
            Uid = "a",
            Name = "A",
            Avatar = "https://example.com/" + new string('p', 2980),
            Link = "https://example.com/" + new string('l', 2980),
            Metadata = MetadataOfBytes(5000),
        };
        var problem = Assert.Single(InputRules.Check(user));
        Assert.Equal("body", problem.Field);
        Assert.Equal("ERR_PAYLOAD_TOO_LARGE", problem.ErrorCode);
    }

    [Fact]
    public void An_update_with_an_empty_name_or_bad_field_is_refused()
    {
        Assert.Equal("The name field must have a value.", Assert.Single(InputRules.Check(new UserUpdate { Name = "" })).Rule);
        Assert.Equal("avatar", Assert.Single(InputRules.Check(new UserUpdate { Avatar = "ftp://example.com/a.png" })).Field);
        Assert.Empty(InputRules.Check(new UserUpdate { Name = "New", Tags = new List<string>() }));
    }

    [Fact]
    public async Task Every_problem_of_a_record_is_reported_together()
    {
        var user = new NewUser { Uid = "a b", Name = "", Avatar = "x", Tags = new List<string> { "" } };
        using var client = TestClients.Create(new FakeHandler());
        var error = await Assert.ThrowsAsync<CometChatValidationException>(() => client.CreateUserAsync(user));
        Assert.Equal(new[] { "uid", "name", "avatar", "tags.0" }, error.Problems.Select(p => p.Field));
        Assert.Contains("uid: The uid may only contain", error.Message);
        Assert.Contains("tags.0: The tags.0 field is required.", error.Message);
    }

    [Fact]
    public async Task Roles_follow_the_same_rules_before_sending()
    {
        using var client = TestClients.Create(new FakeHandler());
        var create = await Assert.ThrowsAsync<CometChatValidationException>(() => client.CreateRoleAsync(new NewRole { Role = "sales team", Name = "" }));
        Assert.Equal(new[] { "role", "name" }, create.Problems.Select(p => p.Field));
        var update = await Assert.ThrowsAsync<CometChatValidationException>(() => client.UpdateRoleAsync("sales", new RoleUpdate { Description = new string('d', 256), Metadata = MetadataOfBytes(5121) }));
        Assert.Equal(new[] { "description", "metadata" }, update.Problems.Select(p => p.Field));
        Assert.Empty(InputRules.Check(new NewRole { Role = "sales", Name = "Sales", Description = new string('d', 255) }));
    }

    /// <summary>Metadata whose compact JSON is exactly <paramref name="bytes"/> bytes: {"k":"vvv…"}.</summary>
    private static CometChatMetadata MetadataOfBytes(int bytes)
        => new() { ["k"] = new string('v', bytes - "{\"k\":\"\"}".Length) };
}
