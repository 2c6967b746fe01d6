# -IfExists Skip|Update act on ERR_UID_ALREADY_EXISTS only. Any other error CometChat answers for a row is that
# row's error, with CometChat's code, and counts as failed in the summary: a re-run must not hide real failures.

BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:Emulator = Start-CometChatEmulator

    function New-MixedRows {
        # One existing uid, three rows whose role is gone by the time they are sent, one new row. The first row names
        # a role, so the command reads the app's roles then (temp among them); temp is removed before the rows that
        # use it, so their check passes and CometChat answers ERR_ROLE_NOT_FOUND: an API error for the row that is
        # not "already exists".
        @(
            [pscustomobject]@{ Uid = 'exists1'; Name = 'Exists Again'; Role = 'default' }
            [pscustomobject]@{ Uid = 'ghost1'; Name = 'Ghost One'; Role = 'temp' }
            [pscustomobject]@{ Uid = 'ghost2'; Name = 'Ghost Two'; Role = 'temp' }
            [pscustomobject]@{ Uid = 'new1'; Name = 'New One'; Role = '' }
            [pscustomobject]@{ Uid = 'ghost3'; Name = 'Ghost Three'; Role = 'temp' }
        ) | ForEach-Object {
            if ($_.Uid -eq 'ghost1') { Remove-CometChatRole -Role temp -Force }
            $_
        }
    }
}

AfterAll {
    Stop-CometChatEmulator
}

Describe '-IfExists against errors other than "already exists"' {
    BeforeEach {
        Reset-Emulator $Emulator
        New-CometChatUser -Uid exists1 -Name 'Exists' | Out-Null
        New-CometChatRole -Role temp -Name Temporary | Out-Null
    }

    It '<Mode> reports each unknown-role row as failed with CometChat''s code, and counts it so' -ForEach @(
        @{ Mode = 'Skip'; Created = 1; Updated = 0; Skipped = 1; ExistsName = 'Exists' }
        @{ Mode = 'Update'; Created = 1; Updated = 1; Skipped = 0; ExistsName = 'Exists Again' }
    ) {
        $output = New-MixedRows | New-CometChatUser -IfExists $Mode -ErrorAction SilentlyContinue -ErrorVariable failures -InformationVariable info

        @($failures) | Should -HaveCount 3
        $failures.TargetObject.Uid | Should -Be @('ghost1', 'ghost2', 'ghost3')
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ERR_ROLE_NOT_FOUND,*' }
        $failures | ForEach-Object { $_.CategoryInfo.Category | Should -Be 'ObjectNotFound' }

        $summary = $info.MessageData | Select-Object -Last 1
        $summary.Failed | Should -Be 3
        $summary.Created | Should -Be $Created
        $summary.Updated | Should -Be $Updated
        $summary.Skipped | Should -Be $Skipped
        (Get-CometChatContext).LastOperation.Failed | Should -Be 3

        @($output).Uid | Should -Be @(if ($Mode -eq 'Update') { 'exists1' }; 'new1')
        (Get-CometChatUser).Uid | Should -Be @('exists1', 'new1')
        (Get-CometChatUser -Uid exists1).Name | Should -Be $ExistsName
    }
}
