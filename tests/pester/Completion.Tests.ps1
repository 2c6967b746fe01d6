BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:Emulator = Start-CometChatEmulator
    New-CometChatRole -Role paid -Name Paid | Out-Null
    New-CometChatRole -Role partner -Name Partner | Out-Null
    New-CometChatUser -Uid alpha -Name Alpha -Tags 'vip', 'early bird' | Out-Null
    New-CometChatUser -Uid alpine -Name Alpine -Tags 'beta' | Out-Null
    New-CometChatUser -Uid bravo -Name Bravo | Out-Null

    function Get-Completion {
        param([string] $Line)
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
    }
}

AfterAll { Stop-CometChatEmulator }

Describe 'Argument completion' {
    It 'completes -Region with the three regions' {
        Get-Completion 'Connect-CometChat -AppId x -Region ' | Should -Be @('eu', 'in', 'us')
    }

    It 'completes -Role from the roles endpoint' {
        Get-Completion 'Get-CometChatUser -Role pa' | Should -Be @('paid', 'partner')
        Get-Completion 'New-CometChatUser -Uid x -Name y -Role ' | Should -Contain 'default'
    }

    It 'caches roles briefly instead of asking on every Tab' {
        Get-Completion 'Get-CometChatRole -Role ' | Out-Null
        Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null
        1..3 | ForEach-Object { Get-Completion 'Get-CometChatRole -Role ' } | Out-Null
        Get-EmulatorRequestCount $Emulator -Route '/v3/roles' | Should -Be 0
    }

    It 'completes -Uid with a prefix search on the server' {
        Get-Completion 'Get-CometChatUser -Uid alp' | Should -Be @('alpha', 'alpine')
        Get-Completion 'Remove-CometChatUser -Uid br' | Should -Be 'bravo'
        Invoke-EmulatorAdmin -Emulator $Emulator -Path counters -Method Delete | Out-Null
        Get-Completion 'Get-CometChatUser -Uid bra' | Out-Null
        Get-EmulatorRequestCount $Emulator -Method GET -Route '/v3/users' | Should -Be 1
    }

    It 'bounds -Uid completion to 50 names' {
        1..60 | ForEach-Object { [pscustomobject]@{ Uid = "many$_"; Name = "Many $_" } } | New-CometChatUser | Out-Null
        (Get-Completion 'Get-CometChatUser -Uid many').Count | Should -Be 50
    }

    It 'completes -Tag from the users'' tags, quoting tags with spaces' {
        Get-Completion 'Get-CometChatUser -Tag ' | Should -Contain 'vip'
        Get-Completion 'Get-CometChatUser -Tag ear' | Should -Be "'early bird'"
    }

    It 'completes -Context with variables holding a connection' {
        $global:CompletionTestConnection = $Emulator.Context
        try {
            Get-Completion 'Get-CometChatUser -Context $CompletionTest' | Should -Be '$CompletionTestConnection'
        }
        finally {
            Remove-Variable CompletionTestConnection -Scope Global
        }
    }

    It 'completes nothing, without errors, when not connected' {
        $saved = Get-CometChatContext
        Disconnect-CometChat
        try {
            Get-Completion 'Get-CometChatUser -Uid a' | Should -BeNullOrEmpty
        }
        finally {
            Connect-CometChat -BaseUri $saved.BaseUri -ApiKey $Emulator.ApiKey
        }
    }
}
