# Input that other people wrote: CSV files with hostile cells and broken structure. Every bad row costs one clear error
# (row, field, rule) and no request; every good row is created; nothing reaches a route it was not meant for.

BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:Emulator = Start-CometChatEmulator
    $script:Corpus = Join-Path $PSScriptRoot 'corpus/csv'
    $script:Expected = Get-Content -Raw (Join-Path $Corpus 'expected.json') | ConvertFrom-Json -AsHashtable

    function Get-RouteCounts {
        # "METHOD route" => count, from the emulator's request counters.
        $counts = @{}
        foreach ($row in @((Invoke-EmulatorAdmin -Emulator $Emulator -Path counters).data.requests)) {
            $key = "$($row.method) $($row.route)"
            $counts[$key] = [int]$counts[$key] + [int]$row.count
        }
        $counts
    }
}

AfterAll {
    Stop-CometChatEmulator
}

Describe 'Hostile uids' {
    BeforeEach {
        Reset-Emulator $Emulator
        New-CometChatUser -Uid keeper -Name Keeper | Out-Null
        Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null
    }

    BeforeDiscovery {
        $script:HostileUids = @(
            @{ Uid = '../roles'; Shows = "'.' (U+002E) at position 1" }
            @{ Uid = 'a/b'; Shows = "'/' (U+002F) at position 2" }
            @{ Uid = '%2e%2e'; Shows = "'%' (U+0025) at position 1" }
            @{ Uid = 'a?b=c'; Shows = "'?' (U+003F) at position 2" }
            @{ Uid = 'a#b'; Shows = "'#' (U+0023) at position 2" }
            @{ Uid = '..'; Shows = "'.' (U+002E) at position 1" }
            @{ Uid = 'kee per'; Shows = 'a space (U+0020) at position 4' }
            @{ Uid = "kee`tper"; Shows = 'a tab (U+0009) at position 4' }
            @{ Uid = "k$([char]0x0435)eper"; Shows = '(U+0435) at position 2' }   # Cyrillic e
            @{ Uid = "keep$([char]0x200B)er"; Shows = '(U+200B) at position 5' }  # zero-width space
        )
    }

    It '<Uid> is a per-row error before any request, for every cmdlet that takes a uid, and the other rows go on' -ForEach $HostileUids {
        $rows = @([pscustomobject]@{ Uid = 'keeper'; Name = 'K'; BlockedUid = 'keeper2'; FriendUid = 'keeper2' }, [pscustomobject]@{ Uid = $Uid; Name = 'Hostile'; BlockedUid = 'keeper'; FriendUid = 'keeper' })
        $commands = @(
            { $rows | Get-CometChatUser }
            { $rows | Set-CometChatUser -StatusMessage 'x' }
            { $rows | New-CometChatAuthToken }
            { $rows | Get-CometChatAuthToken }
            { $rows | Get-CometChatBlockedUser }
            { $rows | Block-CometChatUser }
            { $rows | Unblock-CometChatUser }
            { $rows | Get-CometChatFriend }
            { $rows | Add-CometChatFriend }
            { $rows | Remove-CometChatFriend -Confirm:$false }
            { $rows | Disable-CometChatUser -Confirm:$false }
            { $rows | Enable-CometChatUser -Confirm:$false }
            { $rows | Remove-CometChatUser -Confirm:$false }
        )
        $ErrorActionPreference = 'Continue'   # the errors are collected below, not thrown
        foreach ($command in $commands) {
            $failures = @(& $command 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            # Ordinal: a culture-aware -eq ignores a zero-width space, which is the point of that case.
            $mine = @($failures | Where-Object { [string]::Equals($_.TargetObject.Uid, $Uid, [StringComparison]::Ordinal) })
            $mine | Should -HaveCount 1 -Because "$command reports the hostile row once"
            $mine[0].FullyQualifiedErrorId | Should -BeLike 'ERR_BAD_REQUEST,*'
            $mine[0].ErrorDetails.Message | Should -BeLike "Row 2 (line 3 of a CSV file): uid: The uid may only contain letters, numbers, dashes and underscores;*$Shows*Nothing was sent to CometChat."
        }
        New-CometChatUser -Uid $Uid -Name Hostile -ErrorAction SilentlyContinue -ErrorVariable direct | Should -BeNullOrEmpty
        $direct[0].ErrorDetails.Message | Should -BeLike 'uid: The uid may only contain*'

        # Only the good row's routes were reached: never /v3/roles, never another user's path.
        $routes = Get-RouteCounts
        $routes.Keys | Where-Object { $_ -notmatch ' /v3/users(/\{uid\}(/auth_tokens|/blockedusers|/friends)?)?$' } | Should -BeNullOrEmpty
        $routes['POST /v3/users'] | Should -BeNullOrEmpty
        (Get-CometChatUser -IncludeDeactivated).Uid | Should -Be @('keeper')
    }
}

Describe 'Field rules on the client' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'costs a 1,000-row file with 50 bad rows 50 errors and 950 requests' {
        $rows = foreach ($i in 1..1000) {
            $bad = $i % 20 -eq 0
            [pscustomobject]@{
                Uid    = 'bulk{0:d4}' -f $i
                Name   = "Bulk $i"
                Avatar = if ($bad) { 'not a url' } else { '' }
            }
        }
        Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null
        $created = $rows | New-CometChatUser -ErrorAction SilentlyContinue -ErrorVariable failures
        @($created) | Should -HaveCount 950
        @($failures) | Should -HaveCount 50
        $failures | ForEach-Object { $_.ErrorDetails.Message | Should -BeLike "Row * avatar: The avatar must be a valid URL*" }
        ($failures | ForEach-Object { [int]($_.ErrorDetails.Message -replace '^Row (\d+) .*$', '$1') }) | Should -Be (20..1000 | Where-Object { $_ % 20 -eq 0 })
        (Get-RouteCounts)['POST /v3/users'] | Should -Be 950
    }

    It 'names the row, the field and the rule for <Case>' -ForEach @(
        @{ Case = 'a name over 100 characters'; Row = @{ Name = 'n' * 101 }; Field = 'name'; Rule = 'The name may not be greater than 100 characters; it has 101.'; Code = 'ERR_BAD_REQUEST' }
        @{ Case = 'a link that is not a URL'; Row = @{ Link = 'www.example.com' }; Field = 'link'; Rule = 'The link must be a valid URL*'; Code = 'ERR_BAD_REQUEST' }
        @{ Case = 'more than 25 tags'; Row = @{ Tags = ((1..26 | ForEach-Object { "t$_" }) -join ';') }; Field = 'tags'; Rule = 'The tags may not have more than 25 items; there are 26.'; Code = 'ERR_BAD_REQUEST' }
        @{ Case = 'metadata that is a JSON array'; Row = @{ Metadata = '[1,2]' }; Field = 'metadata'; Rule = "Metadata '``[1,2``]' is a JSON array; expected a JSON object*"; Code = 'ERR_BAD_REQUEST' }
        @{ Case = 'metadata over 5,120 bytes'; Row = @{ Metadata = (@{ k = 'v' * 5200 } | ConvertTo-Json -Compress) }; Field = 'metadata'; Rule = 'The metadata may not be greater than 5120 bytes; it has 5208.'; Code = 'ERR_BAD_REQUEST' }
        @{ Case = 'an unknown role'; Row = @{ Role = 'nosuchrole' }; Field = 'role'; Rule = 'The role nosuchrole does not exist. Use one of: *default*'; Code = 'ERR_ROLE_NOT_FOUND' }
    ) {
        Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null
        $bad = [ordered]@{ Uid = 'bad'; Name = 'Bad' }
        foreach ($key in $Row.Keys) { $bad[$key] = $Row[$key] }
        $rows = @([pscustomobject]@{ Uid = 'first'; Name = 'First' }, [pscustomobject]$bad, [pscustomobject]@{ Uid = 'last'; Name = 'Last' })
        $created = $rows | New-CometChatUser -ErrorAction SilentlyContinue -ErrorVariable failures
        $created.Uid | Should -Be @('first', 'last')
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike "$Code,*"
        $failures[0].ErrorDetails.Message | Should -BeLike "Row 2 (line 3 of a CSV file): ${Field}: $Rule*"
        $failures[0].Exception.Problems[0].Field | Should -Be $Field
        $failures[0].TargetObject.Uid | Should -Be 'bad'
        (Get-RouteCounts)['POST /v3/users'] | Should -Be 2
    }

    It 'checks Set-CometChatUser rows the same way' {
        New-CometChatUser -Uid s1 -Name S1 | Out-Null
        Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null
        $rows = @([pscustomobject]@{ Uid = 's1'; Avatar = 'ftp://example.com/a.png' }, [pscustomobject]@{ Uid = 's1'; Role = 'ghost' }, [pscustomobject]@{ Uid = 's1'; StatusMessage = 'fine' })
        $rows | Set-CometChatUser -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.ErrorDetails.Message | Should -BeLike 'Row ? (line ? of a CSV file): *'
        @($failures.ErrorDetails.Message) | Should -HaveCount 2
        $failures[0].ErrorDetails.Message | Should -BeLike 'Row 1 (line 2 of a CSV file): avatar: The avatar must be a valid URL*'
        $failures[1].ErrorDetails.Message | Should -BeLike 'Row 2 (line 3 of a CSV file): role: The role ghost does not exist*'
        (Get-RouteCounts)['PUT /v3/users/{uid}'] | Should -Be 1
        (Get-CometChatUser -Uid s1).StatusMessage | Should -Be 'fine'
    }

    It 'leaves the role check to CometChat when the roles cannot be read (an Auth Only key)' {
        $authOnly = Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.AuthOnlyKey -SkipConnectionTest -PassThru -WarningAction SilentlyContinue
        try {
            New-CometChatUser -Uid ao -Name 'Auth Only' -Role ghost -Context $authOnly -ErrorAction SilentlyContinue -ErrorVariable failure | Out-Null
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'ERR_ROLE_NOT_FOUND,*'
            $failure[0].Exception | Should -BeOfType ([CometChat.Client.Errors.CometChatApiException])
        }
        finally {
            Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -SkipConnectionTest
        }
    }
}

Describe 'Case collisions' {
    BeforeEach {
        Reset-Emulator $Emulator
        Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null
    }

    It 'reports Alice then alice as the duplicate they become, naming the first row, without a request' {
        $rows = @([pscustomobject]@{ Uid = 'Alice'; Name = 'Alice Upper' }, [pscustomobject]@{ Uid = 'bob'; Name = 'Bob' }, [pscustomobject]@{ Uid = 'alice'; Name = 'alice lower' })
        $created = $rows | New-CometChatUser -ErrorAction SilentlyContinue -ErrorVariable failures
        $created.Uid | Should -Be @('alice', 'bob')
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ERR_UID_ALREADY_EXISTS,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failures[0].ErrorDetails.Message | Should -BeLike "Row 3 (line 4 of a CSV file): uid: The uid alice already exists: row 1 of this input has it (as 'Alice'; uids are case-insensitive*"
        (Get-RouteCounts)['POST /v3/users'] | Should -Be 2
        (Get-CometChatUser -Uid alice).Name | Should -Be 'Alice Upper'
    }

    It 'reports the repeated row under -IfExists <IfExists> too, and keeps the first row''s values' -ForEach @(@{ IfExists = 'Skip' }, @{ IfExists = 'Update' }) {
        $rows = @([pscustomobject]@{ Uid = 'Alice'; Name = 'Alice Upper' }, [pscustomobject]@{ Uid = 'ALICE'; Name = 'Alice Last' })
        $rows | New-CometChatUser -IfExists $IfExists -ErrorAction SilentlyContinue -ErrorVariable failures | Out-Null
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ERR_UID_ALREADY_EXISTS,*'
        $failures[0].ErrorDetails.Message | Should -BeLike "Row 2*row 1 of this input has it*whatever -IfExists says*"
        $failures[0].TargetObject.Name | Should -Be 'Alice Last'
        (Get-CometChatUser -Uid alice).Name | Should -Be 'Alice Upper'
        (Get-RouteCounts)['PUT /v3/users/{uid}'] | Should -BeNullOrEmpty
    }
}

Describe 'Hostile CSV corpus' {
    BeforeDiscovery {
        $script:CorpusFiles = (Get-Content -Raw (Join-Path $PSScriptRoot 'corpus/csv/expected.json') | ConvertFrom-Json -AsHashtable).Keys | Sort-Object | ForEach-Object { @{ File = $_ } }
    }

    BeforeEach {
        Reset-Emulator $Emulator
        Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null
    }

    It '<File>: every good row is created, each bad row is one error naming it, nothing else is sent' -ForEach $CorpusFiles {
        $expect = $Expected[$File]
        $delimiter = if ($expect.delimiter) { $expect.delimiter } else { ',' }
        $created = Import-Csv -Path (Join-Path $Corpus $File) -Delimiter $delimiter | New-CometChatUser -ErrorAction SilentlyContinue -ErrorVariable failures
        $wanted = $expect.created
        @($created | Where-Object { $_ }).Uid | Sort-Object | Should -Be ($wanted.Keys | Sort-Object)
        foreach ($user in Get-CometChatUser) {
            $user.Name | Should -BeExactly $wanted[$user.Uid] -Because "row $($user.Uid) keeps its name exactly"
        }
        @(Get-CometChatUser).Count | Should -Be $wanted.Count
        @($failures) | Should -HaveCount $expect.errors.Count
        for ($i = 0; $i -lt $expect.errors.Count; $i++) {
            $failures[$i].ErrorDetails.Message | Should -BeLike "Row $($expect.errors[$i].row) (line $($expect.errors[$i].row + 1) of a CSV file): $($expect.errors[$i].field)*"
        }
        [int](Get-RouteCounts)['POST /v3/users'] | Should -Be $wanted.Count
    }

    It 'semicolon.csv read with the default comma: each row is a binding error, nothing is sent, the pipeline ends normally' {
        $created = Import-Csv -Path (Join-Path $Corpus 'semicolon.csv') | New-CometChatUser -ErrorAction SilentlyContinue -ErrorVariable failures
        $created | Should -BeNullOrEmpty
        @($failures) | Should -HaveCount 2
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'InputObjectMissingMandatory*' }
        (Get-RouteCounts).Count | Should -Be 0
    }
}
