using CometChat.Client.Http;
using CometChat.Client.Models;
using CometChat.Client.Validation;

namespace CometChat.Client.Requests;

public static partial class CometChatRequests
{
    /// <summary><c>POST /users/{uid}/blockedusers</c>: one result per target.</summary>
    public static PreparedRequest<IReadOnlyDictionary<string, ActionResult>> BlockUsers(string uid, IEnumerable<string> blockedUids)
        => Blocks(HttpMethod.Post, uid, blockedUids);

    /// <summary><c>DELETE /users/{uid}/blockedusers</c>: one result per target.</summary>
    public static PreparedRequest<IReadOnlyDictionary<string, ActionResult>> UnblockUsers(string uid, IEnumerable<string> blockedUids)
        => Blocks(HttpMethod.Delete, uid, blockedUids);

    /// <summary><c>POST /users/{uid}/friends</c>: makes each a friend (both ways); one result per friend.</summary>
    public static PreparedRequest<IReadOnlyDictionary<string, ActionResult>> AddFriends(string uid, IEnumerable<string> friendUids)
    {
        var accepted = friendUids.ToList();
        return WithUids(Write(HttpMethod.Post, "/users", ("uid", uid), "/friends", new AddFriendsBody { Accepted = accepted }, RateBucket.Standard,
            root => (IReadOnlyDictionary<string, ActionResult>)Answers.Data<AddFriendsResult>(root).Accepted), "accepted", accepted);
    }

    /// <summary>
    /// <c>DELETE /users/{uid}/friends</c>. CometChat answers for the request as a whole, so every friend gets that
    /// one result.
    /// </summary>
    public static PreparedRequest<IReadOnlyDictionary<string, ActionResult>> RemoveFriends(string uid, IEnumerable<string> friendUids)
    {
        var friends = friendUids.ToList();
        return WithUids(Write(HttpMethod.Delete, "/users", ("uid", uid), "/friends", new RemoveFriendsBody { Friends = friends }, RateBucket.Standard, root =>
        {
            var result = Answers.Data<ActionResult>(root);
            return (IReadOnlyDictionary<string, ActionResult>)friends.Distinct(System.StringComparer.OrdinalIgnoreCase)
                .ToDictionary(friend => friend, _ => result, System.StringComparer.OrdinalIgnoreCase);
        }), "friends", friends);
    }

    private static PreparedRequest<IReadOnlyDictionary<string, ActionResult>> Blocks(HttpMethod method, string uid, IEnumerable<string> blockedUids)
    {
        var targets = blockedUids.ToList();
        return WithUids(Write(method, "/users", ("uid", uid), "/blockedusers", new BlockBody { BlockedUids = targets }, RateBucket.Standard,
            root => (IReadOnlyDictionary<string, ActionResult>)Answers.Data<Dictionary<string, ActionResult>>(root)), "blockedUids", targets);
    }

    /// <summary>The request with a problem for each uid of its body's list that is not one (<c>blockedUids.0</c>, ...).</summary>
    private static PreparedRequest<T> WithUids<T>(PreparedRequest<T> request, string field, IReadOnlyList<string> uids)
    {
        var problems = request.Problems.ToList();
        for (var i = 0; i < uids.Count; i++)
        {
            if (InputRules.Identifier($"{field}.{i}", uids[i]) is { } problem)
            {
                problems.Add(problem);
            }
        }
        return problems.Count == request.Problems.Count ? request : request.WithProblems(problems);
    }

    private sealed class BlockBody
    {
        public List<string> BlockedUids { get; set; } = new();
    }

    private sealed class AddFriendsBody
    {
        public List<string> Accepted { get; set; } = new();
    }

    private sealed class AddFriendsResult
    {
        public Dictionary<string, ActionResult> Accepted { get; set; } = new();
    }

    private sealed class RemoveFriendsBody
    {
        public List<string> Friends { get; set; } = new();
    }
}
