# One rule for each convention, the same in every cmdlet: surprises found in use, each pinned by a test.
BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:Emulator = Start-CometChatEmulator
    function Clear-Counters { Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null }
}

AfterAll { Stop-CometChatEmulator }

Describe 'Uids: surrounding whitespace is dropped, inner whitespace is an error, everywhere' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'a CSV cell '' ada '' is the user ada in every cmdlet' {
        [pscustomobject]@{ Uid = ' ada '; Name = 'Ada' } | New-CometChatUser | Out-Null
        (Get-CometChatUser -Uid ' ada ').Uid | Should -Be 'ada'
        ([pscustomobject]@{ Uid = "ada`t" } | Set-CometChatUser -StatusMessage 'trimmed' -PassThru).StatusMessage | Should -Be 'trimmed'
        (Disable-CometChatUser -Uid ' ada' -Force).Uid | Should -Be 'ada'
        (Enable-CometChatUser -Uid 'ada ').Uid | Should -Be 'ada'
        (New-CometChatAuthToken -Uid ' ada ').Uid | Should -Be 'ada'
    }

    It 'a space inside a uid is still an error naming it' {
        New-CometChatUser -Uid 'a da' -Name X -ErrorAction SilentlyContinue -ErrorVariable failures | Out-Null
        $failures[0].ErrorDetails.Message | Should -BeLike "*'a da' has a space (U+0020) at position 2*"
    }

    It 'every help page states the same rule for -Uid' {
        $rule = 'Surrounding spaces are ignored'
        foreach ($command in Get-Command -Module CometChat.PowerShell | Where-Object { $_.Parameters.ContainsKey('Uid') }) {
            $help = Get-Help $command.Name -Parameter Uid
            ($help.description | Out-String) | Should -BeLike "*$rule*" -Because "$($command.Name) documents the uid rule"
        }
    }
}

Describe 'Tags: only a CSV cell is split' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'keeps an explicit tag with a comma whole' {
        @((New-CometChatUser -Uid t1 -Name T -Tags 'Finance, Legal & Compliance').Tags) | Should -Be @('Finance, Legal & Compliance')
        @((Set-CometChatUser -Uid t1 -Tags 'a,b', 'c' -PassThru).Tags) | Should -Be @('a,b', 'c')
    }

    It 'splits a cell at semicolons, or at commas when it has none' {
        @(([pscustomobject]@{ Uid = 't2'; Name = 'T'; Tags = 'a;b' } | New-CometChatUser).Tags) | Should -Be @('a', 'b')
        @(([pscustomobject]@{ Uid = 't3'; Name = 'T'; Tags = 'x,y' } | New-CometChatUser).Tags) | Should -Be @('x', 'y')
        @(([pscustomobject]@{ Uid = 't4'; Name = 'T'; Tags = @('p,q', 'r') } | New-CometChatUser).Tags) | Should -Be @('p,q', 'r')
    }

    It 'exports and imports a tag with a comma without splitting it' {
        New-CometChatUser -Uid t5 -Name T -Tags 'Legal, Compliance' | Out-Null
        $csv = Join-Path $TestDrive 'tags.csv'
        Get-CometChatUser -Uid t5 | Export-Csv $csv
        Remove-CometChatUser -Uid t5 -Permanent -Force
        Import-Csv $csv | New-CometChatUser | Out-Null
        @((Get-CometChatUser -Uid t5).Tags) | Should -Be @('Legal, Compliance')
    }
}

Describe 'Aliases that cannot mean something else' {
    It 'no parameter takes Id, Url or Target: a row-number column never becomes a uid' {
        foreach ($command in Get-Command -Module CometChat.PowerShell) {
            foreach ($parameter in $command.Parameters.Values) {
                $parameter.Aliases | Should -Not -Contain 'Id' -Because "$($command.Name) -$($parameter.Name)"
                $parameter.Aliases | Should -Not -Contain 'Url'
                $parameter.Aliases | Should -Not -Contain 'Target'
            }
        }
        Reset-Emulator $Emulator
        [pscustomobject]@{ Id = 1; Name = 'Row one' } | New-CometChatUser -ErrorAction SilentlyContinue -ErrorVariable failures | Out-Null
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectMissingMandatory*'
        Get-CometChatUser | Should -BeNullOrEmpty
    }
}

Describe 'Failed rows export and import again' {
    It 'a hashtable metadata is exported as JSON in the failed row, and the rerun creates the user with it' {
        Reset-Emulator $Emulator
        $rows = @([pscustomobject]@{ Uid = 'meta'; Name = 'Meta'; Role = 'later'; Metadata = @{ department = 'sales'; nested = @{ level = 2 } }; Tags = @('a', 'b') })
        $rows | New-CometChatUser -ErrorAction SilentlyContinue -ErrorVariable failures | Out-Null
        $failures | Should -HaveCount 1
        $failures[0].TargetObject.Metadata | Should -BeOfType ([string])
        $csv = Join-Path $TestDrive 'failed.csv'
        $failures.TargetObject | Export-Csv $csv
        (Get-Content -Raw $csv) | Should -Not -BeLike '*System.Collections*'
        New-CometChatRole -Role later -Name Later | Out-Null
        Import-Csv $csv | New-CometChatUser | Out-Null
        $user = Get-CometChatUser -Uid meta
        $user.Metadata.department | Should -Be 'sales'
        $user.Metadata.nested.level | Should -Be 2
        @($user.Tags) | Should -Be @('a', 'b')
    }

    It 'a cell that is not JSON is quoted in the error, which says what was expected' {
        [pscustomobject]@{ Uid = 'bad'; Name = 'Bad'; Metadata = 'System.Collections.Hashtable' } | New-CometChatUser -ErrorAction SilentlyContinue -ErrorVariable failures | Out-Null
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ERR_BAD_REQUEST,*'
        $failures[0].ErrorDetails.Message | Should -BeLike "*metadata: Metadata 'System.Collections.Hashtable' is not JSON*expected a JSON object such as*"
        $failures[0].ErrorDetails.Message | Should -Not -BeLike '*LineNumber*'
    }
}

Describe 'Advice in errors' {
    It 'a uid not found points to the cmdlet that has -IncludeDeactivated, from a cmdlet that lacks it' {
        Reset-Emulator $Emulator
        New-CometChatUser -Uid ada -Name Ada | Out-Null
        Block-CometChatUser -Uid ada -BlockedUid nobody -ErrorAction SilentlyContinue -ErrorVariable failures | Out-Null
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ERR_UID_NOT_FOUND,*'
        $failures[0].ErrorDetails.RecommendedAction | Should -BeLike '*Get-CometChatUser -Uid <uid> -IncludeDeactivated*'
    }
}

Describe 'Set-CometChatUser' {
    BeforeEach {
        Reset-Emulator $Emulator
        'sa', 'sb' | ForEach-Object { New-CometChatUser -Uid $_ -Name $_ -StatusMessage 'busy' } | Out-Null
        Clear-Counters
    }

    It 'refuses an empty -<Parameter> on the command line, pointing to <Points>, and sends nothing' -ForEach @(
        @{ Parameter = 'StatusMessage'; Value = ''; Points = '-Clear StatusMessage' }
        @{ Parameter = 'StatusMessage'; Value = $null; Points = '-Clear StatusMessage' }
        @{ Parameter = 'Tags'; Value = @(); Points = '-Clear Tags' }
        @{ Parameter = 'Avatar'; Value = ' '; Points = '-Clear Avatar' }
        @{ Parameter = 'Name'; Value = ''; Points = "can't be cleared" }
    ) {
        $arguments = @{ Uid = 'sa'; $Parameter = $Value }
        $failure = { Set-CometChatUser @arguments } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'CometChatEmptyValue,*'
        $failure.Exception.Message | Should -BeLike "*-$Parameter is empty, which would change nothing*$Points*"
        Get-EmulatorRequestCount $Emulator -Method PUT | Should -Be 0
        (Get-CometChatUser -Uid sa).StatusMessage | Should -Be 'busy'
    }

    It 'still treats an empty CSV cell as "leave alone"' {
        [pscustomobject]@{ Uid = 'sa'; StatusMessage = ''; Name = 'New name' } | Set-CometChatUser
        $user = Get-CometChatUser -Uid sa
        $user.StatusMessage | Should -Be 'busy'
        $user.Name | Should -Be 'New name'
    }

    It 'takes several uids, like the other user cmdlets' {
        (Set-CometChatUser -Uid sa, sb -StatusMessage 'both' -PassThru).Uid | Should -Be @('sa', 'sb')
        (Get-CometChatUser -Uid sa, sb).StatusMessage | Should -Be @('both', 'both')
    }
}

Describe 'Enable- and Disable-CometChatUser' {
    It 'report a uid given twice once' {
        Reset-Emulator $Emulator
        New-CometChatUser -Uid twice -Name Twice | Out-Null
        @(Disable-CometChatUser -Uid twice, TWICE -Force).Count | Should -Be 1
        @(Enable-CometChatUser -Uid twice, twice).Count | Should -Be 1
    }
}

Describe 'Deactivated users in views' {
    It 'show as deactivated in the table and the list alike' {
        Reset-Emulator $Emulator
        New-CometChatUser -Uid gone -Name Gone | Out-Null
        Disable-CometChatUser -Uid gone -Force | Out-Null
        $user = Get-CometChatUser -Uid gone -IncludeDeactivated
        ($user | Format-Table | Out-String) | Should -Match '\bdeactivated\b'
        ($user | Format-List | Out-String) | Should -Match 'Status\s*:\s*deactivated'
    }
}

Describe 'Connections' {
    It 'Connect-CometChat -PassThru warns when it replaces a default connection that points elsewhere' {
        $other = Start-CometChatEmulator -NoDefault
        try {
            Connect-CometChat -BaseUri $other.BaseUri -ApiKey $other.ApiKey -PassThru -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
            "$warnings" | Should -BeLike "*default connection is now $($other.BaseUri)*it was $($Emulator.BaseUri)*-NoDefault*"
            Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -WarningVariable quiet | Out-Null
            $quiet | Should -BeNullOrEmpty -Because 'plain Connect-CometChat is asked to set the default'
            $kept = Connect-CometChat -BaseUri $other.BaseUri -ApiKey $other.ApiKey -PassThru -NoDefault -WarningVariable none
            $none | Should -BeNullOrEmpty
            (Get-CometChatContext).BaseUri | Should -Be $Emulator.BaseUri
            $kept.BaseUri | Should -Be $other.BaseUri
        }
        finally {
            Stop-CometChatEmulator -InputObject $other
            Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey
        }
    }

    It 'Start-CometChatEmulator warns when it replaces the default, and -NoDefault keeps it' {
        $second = Start-CometChatEmulator -WarningVariable warnings -WarningAction SilentlyContinue
        try {
            "$warnings" | Should -BeLike "*default connection is now $($second.BaseUri)*"
        }
        finally {
            Stop-CometChatEmulator -InputObject $second
            Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey
        }
    }

    It 'knows a -BaseUri on loopback is the emulator' {
        (Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey -PassThru -NoDefault).IsEmulator | Should -BeTrue
    }

    It 'refuses an app ID that cannot be a host name, saying what an app ID is' {
        $failure = { Connect-CometChat -AppId 'my app!' -Region us -ApiKey k -SkipConnectionTest } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'CometChatInvalidAppId,*'
        $failure.Exception.Message | Should -BeLike "The app ID 'my app!' is not valid*letters and digits*"
    }

    It 'names the module and PowerShell versions in its User-Agent' {
        $lines = Get-CometChatUser -Debug 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        "$lines" | Should -BeLike "*User-Agent: CometChat.PowerShell/$((Get-Module CometChat.PowerShell).Version) PowerShell/$($PSVersionTable.PSVersion)*"
    }
}

Describe 'The summary of a bulk run' {
    It 'separates pacing from 429 throttling, and is shown on the host without being asked for' {
        $paced = Start-CometChatEmulator -CoreRequestsPerMinute 600 -NoDefault
        try {
            $path = Join-Path $TestDrive 'summary.txt'
            Start-Transcript -Path $path -UseMinimalHeader | Out-Null
            try { 1..20 | ForEach-Object { [pscustomobject]@{ Uid = "p$_"; Name = "P $_" } } | New-CometChatUser -Context $paced.Context | Out-Null }
            finally { Stop-Transcript | Out-Null }
            $summary = $paced.Context.LastOperation
            $summary.Created | Should -Be 20
            $summary.Paced.TotalSeconds | Should -BeGreaterThan 0 -Because '20 creates at 600 a minute are spaced out'
            $summary.Throttled | Should -Be ([TimeSpan]::Zero) -Because 'CometChat answered no 429'
            (Get-Content -Raw $path) | Should -BeLike '*New-CometChatUser: created 20,*paced * s, throttled by 429 0.0 s*'
        }
        finally { Stop-CometChatEmulator -InputObject $paced }
    }
}
