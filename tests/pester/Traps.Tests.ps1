# Wrong results found in a day of ordinary admin work, each pinned by a test that failed before its fix.
BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:Emulator = Start-CometChatEmulator

    function Clear-Counters { Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null }

    function New-Users {
        param([string[]] $Uid)
        $Uid | ForEach-Object { [pscustomobject]@{ Uid = $_; Name = "Name of $_"; Role = 'default' } } | New-CometChatUser | Out-Null
    }
}

AfterAll { Stop-CometChatEmulator }

Describe 'An emulator the session started' {
    It 'runs in a session and process group of its own, so a Ctrl+C in PowerShell (SIGINT to the terminal''s group) does not reach it' -Skip:$IsWindows {
        $own = Start-CometChatEmulator -NoDefault
        try {
            $mine = [int](ps -o sid= -p $PID).Trim(), [int](ps -o pgid= -p $PID).Trim()
            $its = [int](ps -o sid= -p $own.ProcessId).Trim(), [int](ps -o pgid= -p $own.ProcessId).Trim()
            $its[0] | Should -Not -Be $mine[0] -Because 'the emulator leads a session of its own'
            $its[1] | Should -Not -Be $mine[1] -Because 'SIGINT from the terminal goes to PowerShell''s process group'
            $its[0] | Should -Be $own.ProcessId
        }
        finally { Stop-CometChatEmulator -InputObject $own }
    }

    It 'says plainly that it has exited, at once, instead of retrying a refused connection for every record' {
        $doomed = Start-CometChatEmulator -NoDefault
        Stop-Process -Id $doomed.ProcessId -Force
        (Get-Process -Id $doomed.ProcessId -ErrorAction SilentlyContinue) | ForEach-Object { $_.WaitForExit(10000) | Out-Null }
        $failure = { [pscustomobject]@{ Uid = 'a'; Name = 'A' }, [pscustomobject]@{ Uid = 'b'; Name = 'B' } | New-CometChatUser -Context $doomed.Context } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'CometChatEmulatorExited,*'
        $failure.Exception.Message | Should -BeLike "*emulator at $($doomed.BaseUri)*(process $($doomed.ProcessId)) is no longer running*"
        $doomed.Context.EmulatorStatus | Should -BeLike 'Exited*'
        $Emulator.Context.EmulatorStatus | Should -Be 'Running'
        Stop-CometChatEmulator -InputObject $doomed -WarningAction SilentlyContinue
    }

    It 'is shown as exited by Get-CometChatContext, with a warning' {
        $doomed = Start-CometChatEmulator
        try {
            Stop-Process -Id $doomed.ProcessId -Force
            (Get-Process -Id $doomed.ProcessId -ErrorAction SilentlyContinue) | ForEach-Object { $_.WaitForExit(10000) | Out-Null }
            $context = Get-CometChatContext -WarningVariable warnings -WarningAction SilentlyContinue
            $context.EmulatorStatus | Should -BeLike 'Exited (code *)'
            $warnings | Should -HaveCount 1
            "$warnings" | Should -BeLike "*process $($doomed.ProcessId)*has exited*Start-CometChatEmulator*"
        }
        finally {
            Stop-CometChatEmulator -InputObject $doomed -WarningAction SilentlyContinue
            Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey
        }
    }
}

Describe 'Piping one cmdlet''s output into another' {
    BeforeAll {
        Reset-Emulator $Emulator
        New-Users ann, bob, zed
        Set-CometChatUser -Uid bob -StatusMessage 'bob status' -Tags b1 | Out-Null
        Block-CometChatUser -Uid ann -BlockedUid bob | Out-Null
        Add-CometChatFriend -Uid ann -FriendUid bob | Out-Null
        New-CometChatRole -Role trial -Name 'Trial users' | Out-Null
        # Each output type, and the user it is about.
        $script:Outputs = @{
            user         = @{ Object = Get-CometChatUser -Uid bob; About = 'bob' }
            blockedUser  = @{ Object = Get-CometChatBlockedUser -Uid ann; About = 'bob' }
            friend       = @{ Object = Get-CometChatFriend -Uid ann; About = 'bob' }
            blockChange  = @{ Object = Block-CometChatUser -Uid bob -BlockedUid zed; About = 'bob' }
            friendChange = @{ Object = Add-CometChatFriend -Uid bob -FriendUid zed; About = 'bob' }
            stateChange  = @{ Object = Enable-CometChatUser -Uid bob; About = 'bob' }
            token        = @{ Object = New-CometChatAuthToken -Uid bob; About = 'bob' }
        }
    }

    BeforeDiscovery {
        $script:Kinds = 'user', 'blockedUser', 'friend', 'blockChange', 'friendChange', 'stateChange', 'token' | ForEach-Object { @{ Kind = $_ } }
    }

    It 'a <Kind> changes only what the command line gives, on the user it is about (Set-CometChatUser)' -ForEach $Kinds {
        $case = $Outputs[$Kind]
        $text = Get-WhatIfText { $case.Object | Set-CometChatUser -StatusMessage 'new status' -WhatIf }
        $text | Should -Be "What if: Update CometChat user '$($case.About)': PUT /v3/users/$($case.About) {`"statusMessage`":`"new status`"}"
    }

    It 'a <Kind> addresses the user it is about in every user cmdlet' -ForEach $Kinds {
        $case = $Outputs[$Kind]
        $about = $case.About
        (Get-WhatIfText { $case.Object | Remove-CometChatUser -WhatIf }) | Should -BeLike "What if: Deactivate CometChat user '$about'*"
        (Get-WhatIfText { $case.Object | Disable-CometChatUser -WhatIf }) | Should -BeLike "What if: Deactivate CometChat user '$about'*"
        (Get-WhatIfText { $case.Object | Enable-CometChatUser -WhatIf }) | Should -BeLike "What if: Reactivate CometChat user '$about'*"
        (Get-WhatIfText { $case.Object | New-CometChatAuthToken -WhatIf }) | Should -BeLike "What if: Issue an auth token for CometChat user '$about'*"
        (Get-WhatIfText { $case.Object | Block-CometChatUser -BlockedUid zed -WhatIf }) | Should -Be "What if: Block users for CometChat user '$about': POST /v3/users/$about/blockedusers {`"blockedUids`":[`"zed`"]}"
        (Get-WhatIfText { $case.Object | Add-CometChatFriend -FriendUid zed -WhatIf }) | Should -Be "What if: Add friends of CometChat user '$about': POST /v3/users/$about/friends {`"accepted`":[`"zed`"]}"
        ($case.Object | Get-CometChatUser).Uid | Should -Be $about
    }

    It 'Get-CometChatBlockedUser | Set-CometChatUser sets the blocked user''s status and renames nobody' {
        Get-CometChatBlockedUser -Uid ann | Set-CometChatUser -StatusMessage 'x' | Out-Null
        $bob = Get-CometChatUser -Uid bob
        $bob.StatusMessage | Should -Be 'x'
        $bob.Name | Should -Be 'Name of bob'
        @($bob.Tags) | Should -Be @('b1')
        (Get-CometChatUser -Uid ann).Name | Should -Be 'Name of ann'
        (Get-CometChatUser -Uid ann).StatusMessage | Should -BeNullOrEmpty
    }

    It 'a role piped to Set-CometChatUser -Uid does not rename the user after the role' {
        Get-CometChatRole -Role trial | Set-CometChatUser -Uid zed -StatusMessage 'on trial' | Out-Null
        $zed = Get-CometChatUser -Uid zed
        $zed.Name | Should -Be 'Name of zed'
        $zed.Role | Should -Be 'default'
        $zed.StatusMessage | Should -Be 'on trial'
    }

    It 'a user from another app is created with every property by New-CometChatUser' {
        $copy = Get-CometChatUser -Uid bob | Select-Object *
        $copy.Uid = 'bob2'
        $created = $copy | New-CometChatUser
        $created.Name | Should -Be 'Name of bob'
        $created.StatusMessage | Should -Be 'x'
    }
}

Describe 'Empty filters' {
    BeforeAll {
        Reset-Emulator $Emulator
        New-Users one, two, three
    }

    BeforeDiscovery {
        $script:EmptyFilters = @(
            @{ Name = '-Tag $null'; Call = { Get-CometChatUser -Tag $null } }
            @{ Name = "-Tag ''"; Call = { Get-CometChatUser -Tag '' } }
            @{ Name = "-Tag ' '"; Call = { Get-CometChatUser -Tag ' ' } }
            @{ Name = '-Tag @()'; Call = { Get-CometChatUser -Tag @() } }
            @{ Name = "-Tag 'a', ''"; Call = { Get-CometChatUser -Tag 'a', '' } }
            @{ Name = "-SearchKey ''"; Call = { Get-CometChatUser -SearchKey '' } }
            @{ Name = '-SearchKey $null'; Call = { Get-CometChatUser -SearchKey $null } }
            @{ Name = "-Role ''"; Call = { Get-CometChatUser -Role '' } }
            @{ Name = '-Role $null'; Call = { Get-CometChatUser -Role $null } }
            @{ Name = '-Status $null'; Call = { Get-CometChatUser -Status $null } }
            @{ Name = "-OnBehalfOf ''"; Call = { Get-CometChatUser -OnBehalfOf '' } }
            @{ Name = "Get-CometChatFriend -SearchKey ''"; Call = { Get-CometChatFriend -Uid one -SearchKey '' } }
        )
    }

    It '<Name> is an error that says why, and lists nobody' -ForEach $EmptyFilters {
        Clear-Counters
        $failure = { & $Call } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
        $failure.Exception.Message | Should -BeLike '*filter is empty*would match every user*'
        Get-EmulatorRequestCount $Emulator | Should -Be 0
    }

    It 'piped into Remove-CometChatUser -Permanent -Force, deletes nobody' {
        { Get-CometChatUser -Tag $null | Remove-CometChatUser -Permanent -Force } | Should -Throw
        @(Get-CometChatUser).Count | Should -Be 3
    }
}

Describe '-ErrorAction Stop with requests in flight' {
    It 'writes every user the requests already sent created, and says so in the error' {
        $slow = Start-CometChatEmulator -LatencyMilliseconds 150 -NoDefault
        try {
            New-CometChatUser -Uid row-010 -Name 'Already there' -Context $slow.Context | Out-Null
            $rows = 1..60 | ForEach-Object { [pscustomobject]@{ Uid = 'row-{0:d3}' -f $_; Name = "Row $_" } }
            $created = [Collections.Generic.List[object]]::new()
            $failure = { $rows | New-CometChatUser -Context $slow.Context -ErrorAction Stop | ForEach-Object { $created.Add($_) } } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -BeLike 'ERR_UID_ALREADY_EXISTS,*'
            $failure.ErrorDetails.Message | Should -BeLike '*Before stopping, the * later records already sent were finished: * succeeded and were written to the output*'
            $onServer = @(Get-CometChatUser -Context $slow.Context | Where-Object Uid -NE 'row-010').Uid
            $onServer.Count | Should -BeGreaterThan 10 -Because 'rows after the failing one were in flight'
            @($created.Uid | Sort-Object) | Should -Be @($onServer | Sort-Object)
            $slow.Context.LastOperation.Created | Should -Be $onServer.Count
        }
        finally { Stop-CometChatEmulator -InputObject $slow }
    }
}

Describe 'A service that cannot be reached' {
    It 'stops with one terminating error after a run of unreachable records, instead of failing every row' {
        $nowhere = Connect-CometChat -BaseUri 'http://127.0.0.1:1' -ApiKey 'k' -SkipConnectionTest -MaxRetryCount 2 -TimeoutSec 1 -PassThru -NoDefault
        $rows = 1..200 | ForEach-Object { [pscustomobject]@{ Uid = "u$_"; Name = "U $_" } }
        $failure = { $rows | New-CometChatUser -Context $nowhere -ThrottleLimit 2 -ErrorAction SilentlyContinue -ErrorVariable +rowFailures } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ERR_CONNECTION_FAILED,*'
        $failure.CategoryInfo.Category | Should -Be 'ConnectionError'
        $failure.ErrorDetails.Message | Should -BeLike 'CometChat could not be reached: * records in a row failed, each after its retries, and nothing answered for * s*'
        $failure.ErrorDetails.RecommendedAction | Should -BeLike '*-IfExists Skip*'
        @($rowFailures).Count | Should -BeLessThan 100 -Because 'the run stops instead of failing all 200 rows'
        $nowhere.LastOperation.Stopped | Should -BeTrue
    }
}

Describe 'Remove-CometChatRole' {
    It 'says how many users move to the default role' {
        Reset-Emulator $Emulator
        New-CometChatRole -Role trial -Name Trial | Out-Null
        'r1', 'r2', 'r3' | ForEach-Object { New-CometChatUser -Uid $_ -Name $_ -Role trial } | Out-Null
        Disable-CometChatUser -Uid r3 -Force | Out-Null
        $text = Get-WhatIfText { Remove-CometChatRole -Role trial -WhatIf }
        $text | Should -Be "What if: Delete CometChat role 'trial' and move its 3 users to role 'default': DELETE /v3/roles/trial"
        (Get-CometChatRole -Role trial).Role | Should -Be 'trial'
    }
}
