# The scripted mutation check (build.ps1 -Task MutateModule): each entry breaks one behaviour the README promises by
# replacing an exact piece of source text, and names the tests that must then fail. Find must occur exactly once in
# File: when a refactor changes that text, the check stops with an error instead of silently testing nothing, and
# this file is updated with the new text. Tests: Pester = a file under tests/pester; Xunit = a test project with a
# --filter. Stryker (build.ps1 -Task Mutate) covers the client in depth; these are the behaviours it can't reach
# (cmdlets, emulator) and the few that matter most.
@{
    Mutations = @(
        @{
            Name    = 'role-path-without-segment-check'
            Why     = 'A role id that is not one path segment reaches another endpoint (Set-CometChatRole -Role ../users/keeper renames a user).'
            File    = 'src/CometChat.Client/Requests/CometChatRequests.Roles.cs'
            Find    = 'var path = "/roles/" + Segment("role", role, problems);'
            Replace = 'var path = "/roles/" + role;'
            Tests   = @(
                @{ Pester = 'HostileParameters.Tests.ps1' }
                @{ Xunit = 'tests/CometChat.Client.Tests'; Filter = 'FullyQualifiedName~InputRulesTests' }
            )
        }
        @{
            Name    = 'ifexists-takes-any-api-error-for-exists'
            Why     = '-IfExists Skip reports rows that failed for another reason (an unknown role) as skipped.'
            File    = 'src/CometChat.PowerShell/Commands/Users/NewCometChatUserCommand.cs'
            Find    = 'when (exists.ErrorCode == ErrorCodes.UidAlreadyExists && ifExists != IfExistsAction.Error)'
            Replace = 'when (exists.ErrorCode != null && ifExists != IfExistsAction.Error)'
            Tests   = @(@{ Pester = 'IfExists.Tests.ps1' })
        }
        @{
            Name    = 'no-tier-pause-after-429'
            Why     = 'After a 429 only the refused request waits; the rest of the tier keeps hammering the service.'
            File    = 'src/CometChat.Client/Http/CometChatTransport.cs'
            Find    = 'Pacer.PauseFor(request.Bucket, args.RetryDelay);'
            Replace = ''
            Tests   = @(@{ Xunit = 'tests/CometChat.Client.Tests'; Filter = 'FullyQualifiedName~RetryTests' })
        }
        @{
            Name    = 'lists-buffer-every-page'
            Why     = 'Get-CometChatUser holds every user in memory before writing the first one.'
            File    = 'src/CometChat.PowerShell/Infrastructure/PageStreamer.cs'
            Find    = 'public void Stream(int pageSize, ulong skip, ulong first, Action<T> write, Action<long>? onTotal = null)'
            Replace = 'public void Stream(int pageSize, ulong skip, ulong first, Action<T> write, Action<long>? onTotal = null) { var all = new System.Collections.Generic.List<T>(); Buffered(pageSize, skip, first, all.Add, onTotal); all.ForEach(write); } private void Buffered(int pageSize, ulong skip, ulong first, Action<T> write, Action<long>? onTotal = null)'
            Tests   = @(@{ Pester = 'LargeList.Tests.ps1' })
        }
        @{
            Name    = 'key-left-in-quoted-answer'
            Why     = 'A proxy page that echoes the request headers shows the API key in an error message.'
            File    = 'src/CometChat.Client/Http/ErrorEnvelope.cs'
            Find    = 'var text = Redact(Encoding.UTF8.GetString(body), apiKey);'
            Replace = 'var text = Encoding.UTF8.GetString(body);'
            Tests   = @(@{ Xunit = 'tests/CometChat.Client.Tests'; Filter = 'FullyQualifiedName~SecretHandlingTests' })
        }
        @{
            Name    = 'emulator-miscounts-faults-after-the-write'
            Why     = 'The emulator''s counters hide which faults happened after a write was applied, the case retries must survive.'
            File    = 'src/CometChat.Emulator/Http/ApiPipeline.cs'
            Find    = 'runtime.Counters.Fault(fault.Kind, fault.AfterWrite);'
            Replace = 'runtime.Counters.Fault(fault.Kind, false);'
            Tests   = @(@{ Xunit = 'tests/CometChat.Emulator.Tests'; Filter = 'FullyQualifiedName~FaultInjectionTests' })
        }
        @{
            Name    = 'in-flight-never-sized'
            Why     = 'Requests in flight stay at 32 whatever the round trip: at 400 ms the run reaches half the rate limit.'
            File    = 'src/CometChat.PowerShell/Infrastructure/CometChatBulkCmdlet.cs'
            Find    = 'if (GivenOnCommandLine(nameof(ThrottleLimit)))'
            Replace = 'if (ThrottleLimit > 0)'
            Tests   = @(@{ Pester = 'InFlight.Tests.ps1' })
        }
    )
}
