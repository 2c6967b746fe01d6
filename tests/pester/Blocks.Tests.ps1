BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:Emulator = Start-CometChatEmulator
}

AfterAll { Stop-CometChatEmulator }

Describe 'Blocking users' {
    BeforeEach {
        Reset-Emulator $Emulator
        'amy', 'bo', 'cy' | ForEach-Object { New-CometChatUser -Uid $_ -Name $_ } | Out-Null
    }

    It 'blocks several users at once and reports each' {
        $results = Block-CometChatUser -Uid amy -BlockedUid bo, cy
        $results.BlockedUid | Should -Be @('bo', 'cy')
        $results.Result | Should -Be @('Blocked', 'Blocked')
        (Get-CometChatBlockedUser -Uid amy).Uid | Should -Be @('bo', 'cy')
    }

    It 'reports targets CometChat refused, and blocks the rest' {
        $results = Block-CometChatUser -Uid amy -BlockedUid bo, amy, nobody -ErrorAction SilentlyContinue -ErrorVariable failures
        $results.BlockedUid | Should -Be 'bo'
        $failures.FullyQualifiedErrorId | Should -Be @('ERR_CANNOT_BLOCK_SELF,CometChat.PowerShell.Commands.BlockCometChatUserCommand', 'ERR_UID_NOT_FOUND,CometChat.PowerShell.Commands.BlockCometChatUserCommand')
    }

    It 'takes blocks from a CSV, several targets in a cell' {
        $rows = @([pscustomobject]@{ Uid = 'amy'; BlockedUid = 'bo;cy' }, [pscustomobject]@{ Uid = 'bo'; BlockedUid = 'amy' })
        ($rows | Block-CometChatUser).Count | Should -Be 3
        (Get-CometChatBlockedUser -Uid bo).Uid | Should -Be 'amy'
        ('cy' | Block-CometChatUser -BlockedUid amy).Result | Should -Be 'Blocked'
    }

    It 'lists the blocked users with who blocked them, so they pipe into Unblock-CometChatUser' {
        Block-CometChatUser -Uid amy -BlockedUid bo, cy | Out-Null
        $blocks = Get-CometChatBlockedUser -Uid amy
        $blocks[0].Uid | Should -Be 'bo'
        $blocks[0].Name | Should -Be 'bo'
        $blocks[0].BlockedBy | Should -Be 'amy'
        $blocks[0].BlockedAt | Should -BeOfType ([DateTimeOffset])
        $lifted = $blocks | Unblock-CometChatUser
        $lifted.Result | Should -Be @('Unblocked', 'Unblocked')
        $lifted.Uid | Should -Be @('amy', 'amy')
        $lifted.BlockedUid | Should -Be @('bo', 'cy')
        Get-CometChatBlockedUser -Uid amy | Should -BeNullOrEmpty
    }

    It 'lists every page of blocks' {
        4..12 | ForEach-Object { New-CometChatUser -Uid "t$_" -Name "T $_" } | Out-Null
        Block-CometChatUser -Uid amy -BlockedUid (4..12 | ForEach-Object { "t$_" }) | Out-Null
        (Get-CometChatBlockedUser -Uid amy -PageSize 4).Count | Should -Be 9
    }

    It 'reports an unknown blocker' {
        Get-CometChatBlockedUser -Uid nobody -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ERR_UID_NOT_FOUND,*'
        Block-CometChatUser -Uid nobody -BlockedUid amy -ErrorAction SilentlyContinue -ErrorVariable failures2
        $failures2[0].FullyQualifiedErrorId | Should -BeLike 'ERR_UID_NOT_FOUND,*'
    }

    It 'takes several blockers at once' {
        (Block-CometChatUser -Uid amy, bo -BlockedUid cy).Uid | Should -Be @('amy', 'bo')
        (Get-CometChatBlockedUser -Uid amy, bo).BlockedBy | Should -Be @('amy', 'bo')
    }

    It 'says which parameter is missing when no user to block is given' {
        Block-CometChatUser -Uid amy -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].ErrorDetails.Message | Should -BeLike '*blockedUids field is required: give -BlockedUid*'
    }

    It 'changes nothing with -WhatIf' {
        Block-CometChatUser -Uid amy -BlockedUid bo -WhatIf
        Get-CometChatBlockedUser -Uid amy | Should -BeNullOrEmpty
    }
}
