namespace CometChat.Client.Errors;

/// <summary>One broken rule: the field (as CometChat names it in <c>details</c>), the rule's message and the code.</summary>
public sealed class FieldProblem
{
    /// <summary>Creates a problem.</summary>
    public FieldProblem(string field, string rule, string errorCode = ErrorCodes.BadRequest)
    {
        Field = field;
        Rule = rule;
        ErrorCode = errorCode;
    }

    /// <summary>The field, e.g. <c>uid</c>, <c>avatar</c>, <c>tags.3</c>.</summary>
    public string Field { get; }

    /// <summary>The rule as CometChat words it, e.g. "The uid may not be greater than 100 characters."</summary>
    public string Rule { get; }

    /// <summary>The code CometChat would answer with.</summary>
    public string ErrorCode { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Rule}";
}
