BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:Emulator = Start-CometChatEmulator
}

AfterAll { Stop-CometChatEmulator }

Describe 'Roles' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'lists the built-in default role' {
        (Get-CometChatRole).Role | Should -Be 'default'
        (Get-CometChatRole -Role default).Name | Should -Be 'Default Role'
    }

    It 'creates a role with settings and metadata' {
        $role = New-CometChatRole -Role Trial -Name 'Trial' -Description 'Trial users' -ListUsers FriendsOnly -SendMessagesTo All -Metadata @{ tier = 1 }
        $role.Role | Should -Be 'trial'
        $role.Settings.listUsers | Should -Be 'friendsOnly'
        $role.Settings.sendMessagesTo | Should -Be 'all'
        $role.Metadata.tier | Should -Be 1
        (Get-CometChatRole).Role | Should -Contain 'trial'
    }

    It 'creates roles from a CSV, empty cells meaning not given' {
        "Role,Name,Description,ListUsers,SendMessagesTo`nr1,Role One,First,FriendsOnly,`nr2,Role Two,,," | Set-Content "$TestDrive/roles.csv"
        $roles = Import-Csv "$TestDrive/roles.csv" | New-CometChatRole
        $roles.Role | Should -Be @('r1', 'r2')
        $roles[0].Settings.listUsers | Should -Be 'friendsOnly'
        $roles[1].Settings | Should -BeNullOrEmpty
    }

    It 'keeps the other setting when only one is changed' {
        New-CometChatRole -Role both -Name Both -ListUsers FriendsOnly -SendMessagesTo FriendsOnly | Out-Null
        $role = Set-CometChatRole -Role both -ListUsers All -PassThru
        $role.Settings.listUsers | Should -Be 'all'
        $role.Settings.sendMessagesTo | Should -Be 'friendsOnly'
    }

    It 'sends nothing when there is nothing to change, and previews with -WhatIf -PassThru' {
        New-CometChatRole -Role quiet -Name Quiet | Out-Null
        Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null
        Set-CometChatRole -Role quiet
        Get-EmulatorRequestCount $Emulator -Method PUT | Should -Be 0
        $preview = Set-CometChatRole -Role quiet -Name 'Loud' -WhatIf -PassThru
        $preview.Name | Should -Be 'Loud'
        (Get-CometChatRole -Role quiet).Name | Should -Be 'Quiet'
    }

    It 'reports a piped row that failed as the error target' {
        $row = [pscustomobject]@{ Role = 'missing' }
        $row | Get-CometChatRole -ErrorAction SilentlyContinue -ErrorVariable failures
        [object]::ReferenceEquals($failures[0].TargetObject, $row) | Should -BeTrue
    }

    It 'changes given fields and clears with -Clear' {
        New-CometChatRole -Role trial -Name 'Trial' -Description 'd' -Metadata @{ a = 1 } | Out-Null
        (Set-CometChatRole -Role trial -Name 'Trial 2' -PassThru).Description | Should -Be 'd'
        $cleared = Set-CometChatRole -Role trial -Clear Description, Metadata -PassThru
        $cleared.Description | Should -BeNullOrEmpty
        $cleared.Metadata | Should -BeNullOrEmpty
        $cleared.Name | Should -Be 'Trial 2'
    }

    It 'moves users of a role with Get | Set, and deletes the role' {
        New-CometChatRole -Role trial -Name Trial | Out-Null
        New-CometChatRole -Role paid -Name Paid | Out-Null
        1..3 | ForEach-Object { New-CometChatUser -Uid "p$_" -Name "P $_" -Role trial } | Out-Null
        Get-CometChatUser -Role trial | Set-CometChatUser -Role paid
        (Get-CometChatUser -Role paid).Count | Should -Be 3
        Remove-CometChatRole -Role trial -Force
        (Get-CometChatRole).Role | Should -Not -Contain 'trial'
    }

    It 'refuses to delete the default role' {
        Remove-CometChatRole -Role default -Force -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ERR_ROLE_DELETE_DENIED,*'
    }

    It 'reports an unknown role' {
        Get-CometChatRole -Role nope -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ERR_ROLE_NOT_FOUND,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'is high impact to delete, and -WhatIf changes nothing' {
        (Get-Command Remove-CometChatRole).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact | Should -Be 'High'
        New-CometChatRole -Role keep -Name Keep | Out-Null
        Remove-CometChatRole -Role keep -WhatIf
        New-CometChatRole -Role never -Name Never -WhatIf
        (Get-CometChatRole).Role | Should -Be @('default', 'keep')
    }
}
