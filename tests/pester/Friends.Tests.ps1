BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:Emulator = Start-CometChatEmulator
}

AfterAll { Stop-CometChatEmulator }

Describe 'Friends' {
    BeforeEach {
        Reset-Emulator $Emulator
        'amy', 'bo', 'cy', 'dee' | ForEach-Object { New-CometChatUser -Uid $_ -Name "Name of $_" } | Out-Null
    }

    It 'adds several friends at once and reports each; friendships go both ways' {
        $results = Add-CometChatFriend -Uid amy -FriendUid bo, cy
        $results | Should -BeOfType ([CometChat.PowerShell.FriendChange])
        $results.FriendUid | Should -Be @('bo', 'cy')
        $results.Result | Should -Be @('Added', 'Added')
        (Get-CometChatFriend -Uid amy).Uid | Should -Be @('bo', 'cy')
        (Get-CometChatFriend -Uid bo).Uid | Should -Be 'amy'
    }

    It 'lists friends as users of their own, with whose friends they are' {
        Add-CometChatFriend -Uid amy -FriendUid bo | Out-Null
        $friend = Get-CometChatFriend -Uid amy
        $friend | Should -BeOfType ([CometChat.Client.Models.CometChatFriend])
        $friend.Uid | Should -Be 'bo'
        $friend.Name | Should -Be 'Name of bo'
        $friend.FriendOf | Should -Be 'amy'
        $friend.Status | Should -Be 'offline'
    }

    It 'reports friends CometChat refused, and adds the rest' {
        Add-CometChatFriend -Uid amy -FriendUid bo | Out-Null
        $results = Add-CometChatFriend -Uid amy -FriendUid bo, amy, nobody, cy -ErrorAction SilentlyContinue -ErrorVariable failures
        $results.FriendUid | Should -Be 'cy'
        $failures.FullyQualifiedErrorId | Should -Be @(
            'ERR_ALREADY_FRIEND,CometChat.PowerShell.Commands.AddCometChatFriendCommand'
            'ERR_CANNOT_FORM_SELF_RELATION,CometChat.PowerShell.Commands.AddCometChatFriendCommand'
            'ERR_UID_NOT_FOUND,CometChat.PowerShell.Commands.AddCometChatFriendCommand')
    }

    It 'searches friends by the start of their uid or name' {
        Add-CometChatFriend -Uid amy -FriendUid bo, cy, dee | Out-Null
        (Get-CometChatFriend -Uid amy -SearchKey d).Uid | Should -Be 'dee'
    }

    It 'lists every page' {
        5..16 | ForEach-Object { New-CometChatUser -Uid "f$_" -Name "F $_" } | Out-Null
        Add-CometChatFriend -Uid amy -FriendUid (5..16 | ForEach-Object { "f$_" }) | Out-Null
        (Get-CometChatFriend -Uid amy -PageSize 5).Count | Should -Be 12
    }

    It 'takes friends from a CSV, several in a cell' {
        $rows = @([pscustomobject]@{ Uid = 'amy'; FriendUid = 'bo;cy' }, [pscustomobject]@{ Uid = 'dee'; Friends = 'bo' })
        ($rows | Add-CometChatFriend).Count | Should -Be 3
        (Get-CometChatFriend -Uid bo).Uid | Should -Be @('amy', 'dee')
    }

    It 'ends friendships piped from Get-CometChatFriend, both ways' {
        Add-CometChatFriend -Uid amy -FriendUid bo, cy | Out-Null
        $removed = Get-CometChatFriend -Uid amy | Remove-CometChatFriend -Confirm:$false
        $removed.Result | Should -Be @('Removed', 'Removed')
        $removed.Uid | Should -Be @('amy', 'amy')
        Get-CometChatFriend -Uid amy | Should -BeNullOrEmpty
        Get-CometChatFriend -Uid bo | Should -BeNullOrEmpty
    }

    It 'removes named friends, and changes nothing with -WhatIf' {
        Add-CometChatFriend -Uid amy -FriendUid bo, cy | Out-Null
        $text = Get-WhatIfText { Remove-CometChatFriend -Uid amy -FriendUid bo -WhatIf }
        $text | Should -Be "What if: Remove friends of CometChat user 'amy': DELETE /v3/users/amy/friends {`"friends`":[`"bo`"]}"
        (Get-CometChatFriend -Uid amy).Count | Should -Be 2
        (Remove-CometChatFriend -Uid amy -FriendUid bo -Confirm:$false).FriendUid | Should -Be 'bo'
        (Get-CometChatFriend -Uid amy).Uid | Should -Be 'cy'
    }

    It 'reports an unknown user' {
        Get-CometChatFriend -Uid nobody -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ERR_UID_NOT_FOUND,*'
        Add-CometChatFriend -Uid nobody -FriendUid amy -ErrorAction SilentlyContinue -ErrorVariable failures2
        $failures2[0].FullyQualifiedErrorId | Should -BeLike 'ERR_UID_NOT_FOUND,*'
    }

    It 'makes a role''s ListUsers FriendsOnly meaningful: the friends are there to list' {
        New-CometChatRole -Role circle -Name Circle -ListUsers FriendsOnly | Out-Null
        Set-CometChatUser -Uid amy -Role circle
        Add-CometChatFriend -Uid amy -FriendUid cy | Out-Null
        (Get-CometChatRole -Role circle).Settings.listUsers | Should -Be 'friendsOnly'
        (Get-CometChatFriend -Uid amy).Uid | Should -Be 'cy'
    }
}
