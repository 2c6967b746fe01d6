using CometChat.Client.Validation;

namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// Turns client failures into ErrorRecords: the ErrorId is CometChat's code (PowerShell appends the cmdlet, giving
/// e.g. <c>ERR_UID_ALREADY_EXISTS,CometChat.PowerShell.Commands.NewCometChatUserCommand</c>), the category matches
/// the cause, and the target is the input as it was piped.
/// </summary>
internal static class ErrorRecords
{
    public const string NotConnected = "CometChatNotConnected";
    public const string InvalidInput = "ERR_INVALID_INPUT";

    public static ErrorRecord From(Exception exception, object? target)
    {
        return exception switch
        {
            CometChatValidationException invalid => Rejected(invalid, target, row: null),
            CometChatApiException api => Build(api, api.ErrorCode, Category(api), api.DescribeWithDetails(), Advice(api), target),
            CometChatConnectionException connection => Build(connection, connection.ErrorCode,
                connection.ErrorCode == ErrorCodes.RequestTimeout ? ErrorCategory.OperationTimeout : ErrorCategory.ConnectionError,
                connection.Message, "Check the network and the connection's base URI (Get-CometChatContext), then run the command again for the failed input.", target),
            CometChatResponseException unreadable => Build(unreadable, unreadable.ErrorCode, ErrorCategory.InvalidResult, unreadable.Message,
                "Check the connection's base URI (Get-CometChatContext) and any proxy in between; run the command again for the failed input.", target),
            ArgumentException or FormatException => Build(exception, InvalidInput, ErrorCategory.InvalidArgument, exception.Message, null, target),
            _ => Build(exception, exception.GetType().Name, ErrorCategory.NotSpecified, exception.Message, null, target),
        };
    }

    /// <summary>
    /// The error of an input record that broke the contract's rules and was never sent. The ErrorId is the code
    /// CometChat would have answered with; the message starts with the row when the record was piped.
    /// </summary>
    public static ErrorRecord Rejected(CometChatValidationException error, object? target, int? row)
    {
        var category = error.ErrorCode switch
        {
            ErrorCodes.RoleNotFound => ErrorCategory.ObjectNotFound,
            ErrorCodes.UidAlreadyExists => ErrorCategory.ResourceExists,
            _ => ErrorCategory.InvalidArgument,
        };
        var message = row is { } number ? $"{RowLabel(number, target)}: {error.Message}" : error.Message;
        return Build(error, error.ErrorCode, category, message,
            "Correct the named field in the input and run the command again for this row; the other rows were not affected.", target);
    }

    /// <summary>
    /// "Row 11", and for a row that looks read from a CSV file (every property a text cell) "Row 11 (line 12 of a CSV
    /// file)", so that someone with the file open in an editor or Excel finds it: the header is line 1.
    /// </summary>
    public static string RowLabel(int row, object? target)
        => IsCsvRow(target) ? $"Row {row} (line {row + 1} of a CSV file)" : $"Row {row}";

    private static bool IsCsvRow(object? target)
    {
        if (target is not PSObject { BaseObject: PSCustomObject } row)
        {
            return false;
        }
        var any = false;
        foreach (var property in row.Properties)
        {
            var value = property.Value is PSObject wrapped ? wrapped.BaseObject : property.Value;
            if (property.MemberType != PSMemberTypes.NoteProperty || value is not (string or null))
            {
                return false;
            }
            any = true;
        }
        return any;
    }

    /// <summary>Whether the failure concerns the connection as a whole (stop the command) rather than one record.</summary>
    public static bool IsFatal(Exception exception)
        => exception is CometChatApiException { IsAuthenticationFailure: true };

    /// <summary>The error that stops a command after <paramref name="count"/> records in a row could not reach CometChat.</summary>
    public static ErrorRecord Unreachable(CometChatConnectionException last, int count, TimeSpan silence, object? target) => Build(last, last.ErrorCode,
        last.ErrorCode == ErrorCodes.RequestTimeout ? ErrorCategory.OperationTimeout : ErrorCategory.ConnectionError,
        $"CometChat could not be reached: {count} records in a row failed, each after its retries, and nothing answered for {silence.TotalSeconds:0} s (last: {last.Message}). Stopped instead of failing every remaining record the same way.",
        "Check the network and the connection's base URI (Get-CometChatContext); when CometChat answers again, run the input again (New-CometChatUser -IfExists Skip resumes a provisioning run).",
        target);

    /// <summary>The error when the emulator behind a connection is no longer running.</summary>
    public static ErrorRecord EmulatorExited(CometChatContext connection, Emulator.EmulatorProcess emulator) => Build(
        new InvalidOperationException($"The CometChat emulator at {connection.BaseUri} (process {emulator.ProcessId}) is no longer running: it exited with code {emulator.ExitCodeText}. Its data is gone unless it was started with -DataPath."),
        "CometChatEmulatorExited", ErrorCategory.ResourceUnavailable, null,
        "Start a new one with Start-CometChatEmulator (with the same -DataPath to get its data back).", connection);

    public static ErrorRecord NotConnectedError() => Build(
        new InvalidOperationException("Not connected to CometChat. Run Connect-CometChat -AppId <id> -Region <us|eu|in> -ApiKey <key>, or Start-CometChatEmulator for a local emulator, or pass -Context."),
        NotConnected, ErrorCategory.ConnectionError,
        null, "Run Connect-CometChat or Start-CometChatEmulator first.", null);

    private static ErrorRecord Build(Exception exception, string errorId, ErrorCategory category, string? message, string? advice, object? target)
    {
        var record = new ErrorRecord(exception, errorId, category, InputConversion.Exportable(target));
        if (message is not null && message != exception.Message)
        {
            record.ErrorDetails = new ErrorDetails(message);
        }
        if (advice is not null)
        {
            record.ErrorDetails ??= new ErrorDetails(message ?? exception.Message);
            record.ErrorDetails.RecommendedAction = advice;
        }
        return record;
    }

    private static ErrorCategory Category(CometChatApiException error)
    {
        var code = error.ErrorCode;
        if (code == ErrorCodes.NoAccess)
        {
            return ErrorCategory.PermissionDenied;
        }
        if (code.StartsWith("AUTH_ERR_", StringComparison.Ordinal) || error.StatusCode == 401)
        {
            return ErrorCategory.AuthenticationError;
        }
        if (code.EndsWith("_NOT_FOUND", StringComparison.Ordinal))
        {
            return ErrorCategory.ObjectNotFound;
        }
        if (code.EndsWith("_ALREADY_EXISTS", StringComparison.Ordinal))
        {
            return ErrorCategory.ResourceExists;
        }
        return error.StatusCode switch
        {
            413 or 429 => ErrorCategory.LimitsExceeded,
            400 => ErrorCategory.InvalidArgument,
            403 => ErrorCategory.PermissionDenied,
            >= 500 => ErrorCategory.ResourceUnavailable,
            _ => ErrorCategory.NotSpecified,
        };
    }

    private static string? Advice(CometChatApiException error) => error.ErrorCode switch
    {
        ErrorCodes.EmptyApiKey or ErrorCodes.ApiKeyNotFound =>
            "Check the API key of the app (CometChat dashboard > API & Auth Keys) and run Connect-CometChat again.",
        ErrorCodes.NoAccess => "This key is an Auth Only key; connect with a REST API key that has full access.",
        ErrorCodes.UidAlreadyExists => "Use another uid, or run New-CometChatUser with -IfExists Skip or -IfExists Update.",
        // Every cmdlet that takes a uid can meet this code, but only Get-CometChatUser has -IncludeDeactivated.
        ErrorCodes.UidNotFound => "Check the uid. A deactivated user counts as not found here: Get-CometChatUser -Uid <uid> -IncludeDeactivated shows whether it is one, and Enable-CometChatUser reactivates it.",
        ErrorCodes.RoleNotFound => "Create the role first (New-CometChatRole) or use an existing one (Get-CometChatRole).",
        ErrorCodes.TooManyRequests => "Lower -ThrottleLimit or the connection's requests per minute, then run the failed input again.",
        ErrorCodes.BadRequest => "Correct the fields named in the message and run the command again for this input.",
        _ => null,
    };
}
