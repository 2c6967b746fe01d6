using System.Text.Json;
using CometChat.Client.Errors;
using CometChat.Client.Http;
using CometChat.Client.Json;
using CometChat.Client.Models;
using CometChat.Client.Secrets;
using CometChat.Client.Validation;

namespace CometChat.Client.Requests;

/// <summary>
/// The write requests of the API, each built once: the method, the path with its values checked as path segments,
/// the body serialized once and checked against the contract's rules. Needs no connection, so -WhatIf works
/// offline; <see cref="CometChatClient.SendAsync{T}"/> sends what these build.
/// </summary>
public static partial class CometChatRequests
{
    /// <summary><c>POST /users</c>.</summary>
    public static PreparedRequest<CometChatUser> CreateUser(NewUser user)
    {
        var body = CometChatJson.Serialize(user);
        return new PreparedRequest<CometChatUser>(HttpMethod.Post, "/users", "/users", body, RateBucket.Core,
            InputRules.Check(user, body.Length), Answers.Data<CometChatUser>);
    }

    /// <summary><c>PUT /users/{uid}</c>: only the fields set change.</summary>
    public static PreparedRequest<CometChatUser> UpdateUser(string uid, UserUpdate update)
    {
        var problems = new List<FieldProblem>();
        var path = "/users/" + Segment("uid", uid, problems);
        problems.AddRange(InputRules.Check(update));
        return new PreparedRequest<CometChatUser>(HttpMethod.Put, path, path, CometChatJson.Serialize(update), RateBucket.Standard, problems, Answers.Data<CometChatUser>);
    }

    /// <summary><c>DELETE /users/{uid}</c>: deactivates, or deletes for good when <paramref name="permanent"/>.</summary>
    public static PreparedRequest<bool> DeleteUser(string uid, bool permanent)
        => Write(HttpMethod.Delete, "/users", ("uid", uid), null, new DeleteUserBody { Permanent = permanent }, RateBucket.Core, Done);

    /// <summary><c>DELETE /users</c>: deactivates several users in one request.</summary>
    public static PreparedRequest<BulkStateResult> DeactivateUsers(IEnumerable<string> uids)
        => Write(HttpMethod.Delete, "/users", null, null, new DeactivateBody { UidsToDeactivate = uids.ToList() }, RateBucket.Core, root =>
        {
            var buckets = Answers.Data<DeactivationBuckets>(root);
            return new BulkStateResult(buckets.DeactivatedUids, buckets.AlreadyDeactivatedUids, buckets.NotFound);
        });

    /// <summary><c>PUT /users</c>: reactivates several users in one request.</summary>
    public static PreparedRequest<BulkStateResult> ReactivateUsers(IEnumerable<string> uids)
        => Write(HttpMethod.Put, "/users", null, null, new ReactivateBody { UidsToActivate = uids.ToList() }, RateBucket.Standard, root =>
        {
            var buckets = Answers.Data<ReactivationBuckets>(root);
            return new BulkStateResult(buckets.ReactivatedUids, buckets.NonDeactivatedUids, buckets.NotFound);
        });

    /// <summary><c>POST /users/{uid}/auth_tokens</c>: without <paramref name="force"/> the newest token may come back.</summary>
    public static PreparedRequest<CometChatAuthToken> CreateAuthToken(string uid, bool force)
        => Write(HttpMethod.Post, "/users", ("uid", uid), "/auth_tokens", new ForceBody { Force = force }, RateBucket.Core, root =>
        {
            var token = Answers.Data<CometChatAuthToken>(root);
            if (string.IsNullOrEmpty(token.Uid))
            {
                token.Uid = uid.ToLowerInvariant();
            }
            return token;
        });

    /// <summary><c>DELETE /users/{uid}/auth_tokens/{authToken}</c>; the token is masked in <see cref="PreparedRequest.DisplayPath"/>.</summary>
    public static PreparedRequest<bool> RemoveAuthToken(string uid, string token)
    {
        var problems = new List<FieldProblem>();
        var tokens = "/users/" + Segment("uid", uid, problems) + "/auth_tokens/";
        var path = tokens + Segment("authToken", token, problems);
        return new PreparedRequest<bool>(HttpMethod.Delete, path, tokens + SecretText.Mask(token), null, RateBucket.Standard, problems, Done);
    }

    /// <summary><c>DELETE /users/{uid}/auth_tokens</c>: revokes every token of a user.</summary>
    public static PreparedRequest<bool> RemoveAllAuthTokens(string uid)
        => Write(HttpMethod.Delete, "/users", ("uid", uid), "/auth_tokens", null, RateBucket.Standard, Done);

    /// <summary>
    /// A request to <paramref name="collection"/>, or to one member of it (<paramref name="member"/>: the field name
    /// and value of a path segment) and a <paramref name="suffix"/> below it.
    /// </summary>
    private static PreparedRequest<T> Write<T>(HttpMethod method, string collection, (string Field, string Value)? member, string? suffix,
        object? body, RateBucket bucket, Func<JsonElement, T> read)
    {
        var problems = new List<FieldProblem>();
        var path = collection + (member is { } segment ? "/" + Segment(segment.Field, segment.Value, problems) : string.Empty) + suffix;
        return new PreparedRequest<T>(method, path, path, body is null ? null : CometChatJson.Serialize(body), bucket, problems, read);
    }

    /// <summary>A value as one escaped path segment; when it breaks the identifier rule, the problem is noted.</summary>
    private static string Segment(string field, string? value, List<FieldProblem> problems)
    {
        if (InputRules.Identifier(field, value) is { } problem)
        {
            problems.Add(problem);
        }
        return Uri.EscapeDataString(value ?? string.Empty);
    }

    /// <summary>An answer that only says it was done.</summary>
    private static bool Done(JsonElement root) => true;

    private sealed class DeleteUserBody
    {
        public bool Permanent { get; set; }
    }

    private sealed class DeactivateBody
    {
        public List<string> UidsToDeactivate { get; set; } = new();
    }

    private sealed class ReactivateBody
    {
        public List<string> UidsToActivate { get; set; } = new();
    }

    private sealed class ForceBody
    {
        public bool Force { get; set; }
    }

    private sealed class DeactivationBuckets
    {
        public List<string>? DeactivatedUids { get; set; }
        public List<string>? AlreadyDeactivatedUids { get; set; }
        public List<string>? NotFound { get; set; }
    }

    private sealed class ReactivationBuckets
    {
        public List<string>? ReactivatedUids { get; set; }
        public List<string>? NonDeactivatedUids { get; set; }
        public List<string>? NotFound { get; set; }
    }
}
