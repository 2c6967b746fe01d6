BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
}

Describe 'Start-CometChatEmulator' {
    AfterEach { Stop-CometChatEmulator }

    It 'starts on a free loopback port, connects, and returns its address, keys and process' {
        $emulator = Start-CometChatEmulator
        $emulator.BaseUri.Host | Should -Be '127.0.0.1'
        $emulator.BaseUri.AbsolutePath | Should -Be '/v3'
        $emulator.ApiKey | Should -BeOfType [securestring]
        (Get-PlainKey $emulator.ApiKey) | Should -Match '^[0-9a-f]{40}$'
        (Get-PlainKey $emulator.AuthOnlyKey) | Should -Not -Be (Get-PlainKey $emulator.ApiKey)
        Get-Process -Id $emulator.ProcessId | Should -Not -BeNullOrEmpty
        (Get-CometChatContext).BaseUri | Should -Be $emulator.BaseUri
        (Get-CometChatContext).IsEmulator | Should -BeTrue
        (Invoke-RestMethod ($emulator.BaseUri.AbsoluteUri -replace '/v3$', '/_emulator/health')).data.status | Should -Be 'ok'
    }

    It 'runs several at once on different ports, with -NoConnect leaving the default alone' {
        $first = Start-CometChatEmulator
        $second = Start-CometChatEmulator -NoConnect
        $second.BaseUri.Port | Should -Not -Be $first.BaseUri.Port
        (Get-CometChatContext).BaseUri | Should -Be $first.BaseUri
    }

    It 'stops the process and forgets the connection' {
        $emulator = Start-CometChatEmulator
        Stop-CometChatEmulator -InputObject $emulator
        { Get-Process -Id $emulator.ProcessId -ErrorAction Stop } | Should -Throw
        Get-CometChatContext | Should -BeNullOrEmpty
    }

    It 'forgets a default connection made to it with Connect-CometChat too' {
        $emulator = Start-CometChatEmulator -NoConnect
        Connect-CometChat -BaseUri $emulator.BaseUri -ApiKey $emulator.ApiKey
        Stop-CometChatEmulator -InputObject $emulator
        Get-CometChatContext | Should -BeNullOrEmpty
    }

    It 'keeps data across restarts with -DataPath' {
        $path = Join-Path $TestDrive 'emulator.db'
        Start-CometChatEmulator -DataPath $path | Out-Null
        New-CometChatUser -Uid kept -Name 'Kept User' -Tags x | Out-Null
        Stop-CometChatEmulator
        Start-CometChatEmulator -DataPath $path | Out-Null
        (Get-CometChatUser -Uid kept).Tags | Should -Be @('x')
    }

    It 'loses data without -DataPath' {
        Start-CometChatEmulator | Out-Null
        New-CometChatUser -Uid gone -Name 'Gone' | Out-Null
        Stop-CometChatEmulator
        Start-CometChatEmulator | Out-Null
        Get-CometChatUser | Should -BeNullOrEmpty
    }

    It 'passes rate limits and faults to the emulator' {
        $emulator = Start-CometChatEmulator -CoreRequestsPerMinute 120 -StandardRequestsPerMinute 0 -RateLimitWindowSeconds 30 -LatencyMilliseconds 5 -FailureRate 0.25 -Seed 7
        $settings = (Invoke-EmulatorAdmin -Emulator $emulator -Path settings).data
        $settings.coreRequestsPerMinute | Should -Be 120
        $settings.standardRequestsPerMinute | Should -Be 0
        $settings.rateLimitWindowSeconds | Should -Be 30
        $settings.latencyMilliseconds | Should -Be 5
        $settings.failureRate | Should -Be 0.25
        $settings.seed | Should -Be 7
    }

    It 'starts with the sample users of a new CometChat app with -SampleData, and a reset restores them' {
        $emulator = Start-CometChatEmulator -SampleData Current
        $users = Get-CometChatUser
        $users.Uid | Sort-Object | Should -Be @('cometchat-uid-1', 'cometchat-uid-2', 'cometchat-uid-3', 'cometchat-uid-4', 'cometchat-uid-5')
        (Get-CometChatUser -Uid cometchat-uid-1).Name | Should -Be 'Andrew Joseph'
        Remove-CometChatUser -Uid cometchat-uid-1 -Permanent -Force
        Reset-Emulator -Emulator $emulator
        (Get-CometChatUser).Count | Should -Be 5

        Start-CometChatEmulator -SampleData Superheroes | Out-Null
        $hero = Get-CometChatUser -Uid superhero2
        $hero.Name | Should -Be 'Captain America'
        $hero.Avatar | Should -Be 'https://data-us.cometchat.io/assets/images/avatars/captainamerica.png'
        { Start-CometChatEmulator -SampleData Villains } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,CometChat.PowerShell.Commands.StartCometChatEmulatorCommand'
    }

    It 'fails with a clear error when the port is taken' {
        $emulator = Start-CometChatEmulator
        $failure = { Start-CometChatEmulator -Port $emulator.BaseUri.Port } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'CometChatEmulatorStartFailed,*'
        $failure.Exception.Message | Should -BeLike '*listen*'
    }
}
