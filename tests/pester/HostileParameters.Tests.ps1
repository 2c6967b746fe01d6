# Every cmdlet parameter whose value becomes a path segment or a header (a uid, a role id, a token, a blocked uid,
# onBehalfOf), found by reflection over the module's exported commands, is given hostile values: each must be a
# per-row error, with no request to any route and nothing changed. A string parameter added
# later must be classified below, so a new path value can't be left out.

BeforeDiscovery {
    . "$PSScriptRoot/TestSupport.ps1"

    # Parameters that reach a path or a header. Everything else that takes text is listed as not reaching one.
    $script:PathValues = 'Uid', 'Role', 'Token', 'BlockedUid', 'FriendUid', 'OnBehalfOf'
    $script:NotPathValues = @(
        'Name', 'Avatar', 'Link', 'StatusMessage', 'Tags', 'Tag', 'Description', 'ListUsers', 'SendMessagesTo', 'Clear',
        'SearchKey', 'SearchIn', 'Status', 'AppId', 'Region', 'DataPath', 'Scope'
        'Get-CometChatUser.Role'   # a filter: one escaped query value, not a path
    )
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
    $script:TextParameters = foreach ($command in Get-Command -Module CometChat.PowerShell -CommandType Cmdlet) {
        foreach ($parameter in $command.Parameters.Values) {
            if ($parameter.Name -notin $common -and $parameter.ParameterType -in [string], [string[]]) {
                [pscustomobject]@{ Command = $command.Name; Parameter = $parameter.Name; Key = "$($command.Name).$($parameter.Name)" }
            }
        }
    }
    $script:Cases = $TextParameters |
        Where-Object { $_.Parameter -in $PathValues -and $_.Key -notin $NotPathValues } |
        ForEach-Object { @{ Command = $_.Command; Parameter = $_.Parameter } }
}

BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:Emulator = Start-CometChatEmulator

    # Valid values for the other parameters, so that only the one under test is hostile.
    $script:Valid = @{ Uid = 'keeper'; BlockedUid = 'keeper2'; FriendUid = 'keeper2'; Token = 'keeper_1700000000abcdef'; Role = 'staff'; Name = 'Pwned'; OnBehalfOf = 'keeper2' }
    $script:Hostile = @(
        '../users/keeper'                  # the one that reached another endpoint
        '..'
        'a/b'
        '%2e%2e'
        'keeper?name=Pwned'
        'keeper#x'
        "keep$([char]0x200B)er"            # a zero-width space
        "k$([char]0x0435)eper"             # a Cyrillic e
    )

    function Get-Invocation {
        # The parameters to call $Command with: its mandatory ones (in the set that has $Parameter) made valid,
        # $Parameter itself set to $Value.
        param([string] $Command, [string] $Parameter, [string] $Value)
        $info = Get-Command $Command
        $sets = @($info.ParameterSets | Where-Object { $_.Parameters.Name -contains $Parameter })
        $set = $sets | Where-Object IsDefault | Select-Object -First 1
        if (-not $set) { $set = $sets[0] }
        $arguments = @{}
        foreach ($mandatory in $set.Parameters | Where-Object IsMandatory) {
            if (-not $Valid.ContainsKey($mandatory.Name)) { throw "$Command -$($mandatory.Name): no valid value known; add one to `$Valid." }
            $arguments[$mandatory.Name] = $Valid[$mandatory.Name]
        }
        # A change to make, so that Set- commands have something to send.
        if ($Parameter -ne 'Name' -and $set.Parameters.Name -contains 'Name') { $arguments.Name = $Valid.Name }
        $arguments[$Parameter] = $Value
        if ($info.Parameters.ContainsKey('Confirm')) { $arguments.Confirm = $false }
        $arguments
    }
}

AfterAll {
    Stop-CometChatEmulator
}

Describe 'Hostile path values in every cmdlet parameter' {
    It 'classifies every text parameter of every cmdlet as reaching a path or not' {
        $unclassified = $TextParameters | Where-Object { $_.Parameter -notin $PathValues -and $_.Parameter -notin $NotPathValues -and $_.Key -notin $NotPathValues }
        $unclassified.Key | Should -BeNullOrEmpty -Because 'each text parameter either becomes a path segment or header (PathValues) or not (NotPathValues)'
    }

    It 'finds the parameters that once reached another endpoint' {
        $found = $Cases | ForEach-Object { "$($_.Command) -$($_.Parameter)" }
        foreach ($known in 'Set-CometChatRole -Role', 'Get-CometChatRole -Role', 'Remove-CometChatRole -Role', 'New-CometChatRole -Role',
            'Remove-CometChatAuthToken -Uid', 'Remove-CometChatAuthToken -Token', 'Get-CometChatAuthToken -Token',
            'Block-CometChatUser -BlockedUid', 'Unblock-CometChatUser -BlockedUid', 'Get-CometChatUser -OnBehalfOf') {
            $found | Should -Contain $known
        }
    }

    Context '<Command> -<Parameter>' -ForEach $Cases {
        BeforeAll {
            Reset-Emulator $Emulator
            New-CometChatUser -Uid keeper -Name Keeper | Out-Null
            New-CometChatUser -Uid keeper2 -Name 'Keeper Two' | Out-Null
            New-CometChatRole -Role staff -Name Staff | Out-Null
            Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null
        }

        It 'is one error per hostile value, sends nothing and changes nothing' {
            foreach ($value in $Hostile) {
                $arguments = Get-Invocation -Command $Command -Parameter $Parameter -Value $value
                $failures = $null
                $output = try { & $Command @arguments -ErrorAction SilentlyContinue -ErrorVariable failures } catch { $failures = @($_) }
                $output | Should -BeNullOrEmpty -Because "$Command -$Parameter '$value' must not succeed"
                @($failures) | Should -HaveCount 1 -Because "$Command -$Parameter '$value' is one error"
                $failures[0].ToString() | Should -BeLike '*only contain letters, numbers, dashes and underscores*Nothing was sent to CometChat.' -Because "$Command -$Parameter '$value'"
            }
            # The only requests allowed are reads of lists that carry no path value: the role list New-/Set-CometChatUser
            # check a role against, the user list Compare-/Sync-CometChatUser compare with.
            $routes = @((Invoke-EmulatorAdmin -Emulator $Emulator -Path counters).data.requests | ForEach-Object { "$($_.method) $($_.route)" })
            $routes | Where-Object { $_ -notin 'GET /v3/roles', 'GET /v3/users' } | Should -BeNullOrEmpty
            (Get-CometChatUser -Uid keeper).Name | Should -Be 'Keeper'
            (Get-CometChatUser).Uid | Should -Be @('keeper', 'keeper2')
            (Get-CometChatRole).Role | Sort-Object | Should -Be @('default', 'staff')
            (Get-CometChatRole -Role staff).Name | Should -Be 'Staff'
        }
    }
}
