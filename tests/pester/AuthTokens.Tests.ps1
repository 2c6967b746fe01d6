BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:Emulator = Start-CometChatEmulator
}

AfterAll { Stop-CometChatEmulator }

Describe 'Auth tokens' {
    BeforeEach {
        Reset-Emulator $Emulator
        'tia', 'uma' | ForEach-Object { New-CometChatUser -Uid $_ -Name $_ } | Out-Null
    }

    It 'issues a token, reusing the newest one unless -Force' {
        $first = New-CometChatAuthToken -Uid tia
        $plain = Get-PlainKey $first.Token
        $plain | Should -Match '^tia_\d{10}[0-9a-f]{30}$'
        $first.Uid | Should -Be 'tia'
        Get-PlainKey (New-CometChatAuthToken -Uid tia).Token | Should -Be $plain
        Get-PlainKey (New-CometChatAuthToken -Uid tia -Force).Token | Should -Not -Be $plain
        (Get-CometChatAuthToken -Uid tia).Count | Should -Be 2
    }

    It 'holds the token as a SecureString, shown masked under one name in every view, Format-List * included' {
        $token = New-CometChatAuthToken -Uid tia
        $token.Token | Should -BeOfType ([securestring])
        $plain = Get-PlainKey $token.Token
        $plain.Length | Should -Be ('tia_'.Length + 40)
        $views = ($token | Format-Table | Out-String) + ($token | Format-List | Out-String) + ($token | Format-List * | Out-String) +
            ($token | Format-Table * | Out-String) + ($token | ConvertTo-Json) + ($token | ConvertTo-Csv | Out-String) + "$token"
        $views | Should -Not -BeLike "*$plain*"
        $views | Should -BeLike "*$($plain.Substring(0, 6))********$($plain.Substring($plain.Length - 2))*"
        ($token | Format-Table | Out-String) | Should -Match '\bToken\b'
        ($token | Format-Table | Out-String) | Should -Not -Match '\bAuthToken\b|MaskedToken'
        $token.PSObject.Properties.Name | Should -Not -Contain 'MaskedToken'
    }

    It 'outputs plain text with -AsPlainText, for a script that hands the token on' {
        $text = New-CometChatAuthToken -Uid tia -AsPlainText
        $text | Should -BeOfType ([string])
        $text | Should -Match '^tia_\d{10}[0-9a-f]{30}$'
        Get-PlainKey (Get-CometChatAuthToken -Uid tia -Token $text).Token | Should -Be $text
    }

    It 'issues tokens for piped users' {
        (Get-CometChatUser | New-CometChatAuthToken).Uid | Should -Be @('tia', 'uma')
    }

    It 'gets one token by value' {
        $token = New-CometChatAuthToken -Uid tia
        Get-PlainKey (Get-CometChatAuthToken -Uid tia -Token $token.Token).Token | Should -Be (Get-PlainKey $token.Token)
        Get-PlainKey ($token | Get-CometChatAuthToken).Token | Should -Be (Get-PlainKey $token.Token)
        Get-CometChatAuthToken -Uid tia -AuthToken 'tia_0000000000ffffffffffffffffffffffffffffff' -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ERR_AUTH_TOKEN_NOT_FOUND,*'
    }

    It 'revokes one token, or all with -All' {
        $tokens = 1..3 | ForEach-Object { New-CometChatAuthToken -Uid tia -Force }
        $tokens[0] | Remove-CometChatAuthToken -Force
        (Get-CometChatAuthToken -Uid tia).Token | ForEach-Object { Get-PlainKey $_ } | Should -Not -Contain (Get-PlainKey $tokens[0].Token)
        (Get-CometChatAuthToken -Uid tia).Count | Should -Be 2
        'tia' | Remove-CometChatAuthToken -All -Force
        Get-CometChatAuthToken -Uid tia | Should -BeNullOrEmpty
    }

    It 'is high impact and changes nothing with -WhatIf, without showing the token' {
        (Get-Command Remove-CometChatAuthToken).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact | Should -Be 'High'
        $token = New-CometChatAuthToken -Uid tia
        $text = Get-WhatIfText { $token | Remove-CometChatAuthToken -WhatIf }
        $text | Should -BeLike '*Revoke auth token*'
        $text | Should -Not -BeLike "*$(Get-PlainKey $token.Token)*"
        (Get-CometChatAuthToken -Uid tia).Count | Should -Be 1
    }

    It 'reports an unknown user' {
        New-CometChatAuthToken -Uid nobody -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ERR_UID_NOT_FOUND,*'
    }

    It 'works with the Auth Only key, which can issue tokens' {
        $authOnly = Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.AuthOnlyKey -SkipConnectionTest -PassThru
        (New-CometChatAuthToken -Uid uma -Context $authOnly).Uid | Should -Be 'uma'
        $failure = { Get-CometChatAuthToken -Uid uma -Context $authOnly } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'AUTH_ERR_NO_ACCESS,*'
        Connect-CometChat -BaseUri $Emulator.BaseUri -ApiKey $Emulator.ApiKey
    }
}
