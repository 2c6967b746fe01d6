using CometChat.Client.Validation;

namespace CometChat.Client.Errors;

/// <summary>
/// Input that breaks the contract's rules, found by the client before any request was made. The error code is the
/// one CometChat would have answered with (<c>ERR_BAD_REQUEST</c>, <c>ERR_ROLE_NOT_FOUND</c>), so a script that
/// handles the service's code handles this one too.
/// </summary>
public sealed class CometChatValidationException : CometChatException
{
    /// <summary>Creates the exception from the problems found.</summary>
    public CometChatValidationException(IReadOnlyList<FieldProblem> problems)
        : base(Code(problems), Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every rule the input broke, field by field.</summary>
    public IReadOnlyList<FieldProblem> Problems { get; }

    /// <summary>The first failing field, e.g. <c>uid</c> or <c>tags.3</c>.</summary>
    public string Field => Problems[0].Field;

    private static string Code(IReadOnlyList<FieldProblem> problems)
    {
        if (problems is null || problems.Count == 0)
        {
            throw new ArgumentException("A validation failure needs at least one problem.", nameof(problems));
        }
        return problems[0].ErrorCode;
    }

    private static string Describe(IReadOnlyList<FieldProblem> problems)
        => string.Join(" ", problems.Select(p => p.ToString())) + " Nothing was sent to CometChat.";
}
