using CometChat.Client.Errors;
using CometChat.Client.Http;
using CometChat.Client.Json;
using CometChat.Client.Models;
using CometChat.Client.Validation;

namespace CometChat.Client.Requests;

public static partial class CometChatRequests
{
    /// <summary><c>POST /roles</c>.</summary>
    public static PreparedRequest<CometChatRole> CreateRole(NewRole role)
        => new(HttpMethod.Post, "/roles", "/roles", CometChatJson.Serialize(role), RateBucket.Standard, InputRules.Check(role), Answers.Data<CometChatRole>);

    /// <summary><c>PUT /roles/{role}</c>: only the fields set change.</summary>
    public static PreparedRequest<CometChatRole> UpdateRole(string role, RoleUpdate update)
    {
        var problems = new List<FieldProblem>();
        var path = "/roles/" + Segment("role", role, problems);
        problems.AddRange(InputRules.Check(update));
        return new PreparedRequest<CometChatRole>(HttpMethod.Put, path, path, CometChatJson.Serialize(update), RateBucket.Standard, problems, Answers.Data<CometChatRole>);
    }

    /// <summary><c>DELETE /roles/{role}</c>; <c>default</c> can't be deleted.</summary>
    public static PreparedRequest<bool> RemoveRole(string role)
        => Write(HttpMethod.Delete, "/roles", ("role", role), null, null, RateBucket.Standard, Done);
}
