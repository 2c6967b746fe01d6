BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:Module = Get-Module CometChat.PowerShell
}

Describe 'The module manifest' {
    It 'exports exactly the cmdlets the assembly defines' {
        $defined = $Module.ImplementingAssembly.GetExportedTypes() |
            Where-Object { $_.IsSubclassOf([System.Management.Automation.Cmdlet]) -and -not $_.IsAbstract } |
            ForEach-Object {
                $attribute = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
                "$($attribute.VerbName)-$($attribute.NounName)"
            } | Sort-Object
        $exported = $Module.ExportedCmdlets.Keys | Sort-Object
        $exported | Should -Be $defined
        $manifest = Import-PowerShellDataFile $ModulePath
        ($manifest.CmdletsToExport | Sort-Object) | Should -Be $defined
    }

    It 'uses only approved verbs' {
        $approved = (Get-Verb).Verb
        foreach ($command in Get-Command -Module CometChat.PowerShell) {
            $command.Verb | Should -BeIn $approved -Because "$($command.Name) must use an approved verb"
        }
    }

    It 'carries the version of the source manifest, the one place it is set' {
        $Module.Version.ToString() | Should -Be (Import-PowerShellDataFile "$PSScriptRoot/../../CometChat.PowerShell.psd1").ModuleVersion
    }

    It 'keeps third-party assemblies under dependencies/' {
        $root = Split-Path $Module.Path
        Get-ChildItem $root -Filter *.dll | ForEach-Object Name | Sort-Object | Should -Be @('CometChat.Client.dll', 'CometChat.PowerShell.dll')
        Test-Path (Join-Path $root 'dependencies/Polly.Core.dll') | Should -BeTrue
        Test-Path (Join-Path $root 'emulator/CometChat.Emulator.dll') | Should -BeTrue
    }
}

Describe 'Using the module without a connection' {
    BeforeEach { Disconnect-CometChat }

    It 'stops with an error that says how to connect' {
        $failure = { Get-CometChatUser -Uid alice } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'CometChatNotConnected,*'
        $failure.Exception.Message | Should -BeLike '*Connect-CometChat*'
        $failure.Exception.Message | Should -BeLike '*Start-CometChatEmulator*'
    }

    It 'lets -WhatIf -PassThru dry runs work with no server at all' {
        $user = New-CometChatUser -Uid Dry -Name 'Dry Run' -Tags a, b -WhatIf -PassThru
        $user.Uid | Should -Be 'dry'
        $user.Role | Should -Be 'default'
        @($user.Tags) | Should -Be @('a', 'b')
    }
}
