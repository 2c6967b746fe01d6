BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:Emulator = Start-CometChatEmulator
}

AfterAll { Stop-CometChatEmulator }

Describe 'Disable-CometChatUser and Enable-CometChatUser' {
    BeforeEach {
        Reset-Emulator $Emulator
        1..5 | ForEach-Object { New-CometChatUser -Uid "u$_" -Name "User $_" } | Out-Null
    }

    It 'are high and medium impact' {
        (Get-Command Disable-CometChatUser).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact | Should -Be 'High'
        (Get-Command Enable-CometChatUser).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact | Should -Be 'Medium'
    }

    It 'deactivate piped uids and report each: done, already, not found' {
        Disable-CometChatUser -Uid u1 -Force | Out-Null
        $rows = 'u1', 'u2', 'nobody', 'U3' | ForEach-Object { [pscustomobject]@{ Uid = $_ } }
        $results = $rows | Disable-CometChatUser -Force -ErrorAction SilentlyContinue -ErrorVariable failures
        $results.Uid | Should -Be @('u1', 'u2', 'u3')
        $results.Result | Should -Be @('AlreadyDeactivated', 'Deactivated', 'Deactivated')
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'ERR_UID_NOT_FOUND,CometChat.PowerShell.Commands.DisableCometChatUserCommand'
        [object]::ReferenceEquals($failures[0].TargetObject, $rows[2]) | Should -BeTrue
        (Get-CometChatUser).Uid | Should -Be @('u4', 'u5')
    }

    It 'send piped uids in batches through the bulk endpoint' {
        Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null
        'u1', 'u2', 'u3', 'u4', 'u5' | Disable-CometChatUser -Force -BatchSize 2 | Out-Null
        Get-EmulatorRequestCount $Emulator -Method DELETE -Route '/v3/users' | Should -Be 3
        Get-EmulatorRequestCount $Emulator -Method DELETE -Route '/v3/users/{uid}' | Should -Be 0
        Get-CometChatUser | Should -BeNullOrEmpty
    }

    It 'reactivate, reporting users that were not deactivated' {
        'u1', 'u2' | Disable-CometChatUser -Force | Out-Null
        $results = Get-CometChatUser -OnlyDeactivated | Enable-CometChatUser
        $results.Result | Should -Be @('Reactivated', 'Reactivated')
        (Enable-CometChatUser -Uid u1).Result | Should -Be 'AlreadyActive'
        (Get-CometChatUser).Count | Should -Be 5
    }

    It 'change nothing with -WhatIf' {
        Disable-CometChatUser -Uid u1, u2 -WhatIf
        (Get-CometChatUser).Count | Should -Be 5
    }

    It 'count results in the summary' {
        'u1', 'u2', 'zz' | Disable-CometChatUser -Force -InformationVariable info -ErrorAction SilentlyContinue | Out-Null
        $summary = $info.MessageData | Select-Object -Last 1
        $summary.Changed | Should -Be 2
        $summary.Failed | Should -Be 1
    }
}

Describe 'Get-CometChatUser queries' {
    BeforeAll {
        Reset-Emulator $Emulator
        New-CometChatRole -Role paid -Name Paid | Out-Null
        New-CometChatUser -Uid ann -Name 'Ann' -Role paid -Tags vip | Out-Null
        New-CometChatUser -Uid ben -Name 'Ben' | Out-Null
        New-CometChatUser -Uid cat -Name 'Annie Cat' | Out-Null
        New-CometChatUser -Uid gone -Name 'Gone' | Out-Null
        Disable-CometChatUser -Uid gone -Force | Out-Null
        Invoke-EmulatorAdmin -Emulator $Emulator -Path presence -Method Post -Body @{ uids = @('ben'); status = 'online' } | Out-Null
        Block-CometChatUser -Uid ann -BlockedUid ben | Out-Null
    }

    It 'filters by status' {
        (Get-CometChatUser -Status Online).Uid | Should -Be 'ben'
        (Get-CometChatUser -Status Offline).Uid | Should -Be @('ann', 'cat')
    }

    It 'filters by role' {
        (Get-CometChatUser -Role paid).Uid | Should -Be 'ann'
        (Get-CometChatUser -Role paid, default).Count | Should -Be 3
    }

    It 'searches uid or name by prefix' {
        (Get-CometChatUser -SearchKey ann).Uid | Should -Be @('ann', 'cat')
        (Get-CometChatUser -SearchKey ann -SearchIn Uid).Uid | Should -Be 'ann'
    }

    It 'includes or only lists deactivated users' {
        (Get-CometChatUser -IncludeDeactivated).Uid | Should -Contain 'gone'
        (Get-CometChatUser -OnlyDeactivated).Uid | Should -Be 'gone'
        (Get-CometChatUser -Uid gone -IncludeDeactivated).DeactivatedAt | Should -Not -BeNullOrEmpty
    }

    It 'adds relation fields with -OnBehalfOf' {
        $ben = Get-CometChatUser -Uid ben -OnBehalfOf ann
        $ben.BlockedByMe | Should -BeTrue
        $ben.ConversationId | Should -Be 'ann_user_ben'
        (Get-CometChatUser -OnBehalfOf ben | Where-Object Uid -EQ ann).HasBlockedMe | Should -BeTrue
    }

    It 'reports an unknown -OnBehalfOf uid' {
        Get-CometChatUser -Uid ben -OnBehalfOf nobody -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ERR_ON_BEHALF_OF_UID_NOT_FOUND,*'
    }
}
