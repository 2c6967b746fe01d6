# Every output type has a table view that fits 120 columns and a list view showing every property.
BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:FormatFile = [xml](Get-Content -Raw (Join-Path (Split-Path $script:ModulePath) 'CometChat.PowerShell.Format.ps1xml'))
}

Describe 'Format views' {
    BeforeDiscovery {
        $assembly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'CometChat.PowerShell' } | Select-Object -First 1
        if (-not $assembly) {
            . "$PSScriptRoot/TestSupport.ps1"
            $assembly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'CometChat.PowerShell' } | Select-Object -First 1
        }
        $outputTypes = $assembly.GetExportedTypes() |
            Where-Object { $_.IsSubclassOf([System.Management.Automation.Cmdlet]) } |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.OutputTypeAttribute], $true).Type.Type } |
            Where-Object { $_ -and $_.FullName -like 'CometChat.*' } | Sort-Object FullName -Unique
        # The bulk summary is written on the Information stream, not as output, but users look at it too.
        $script:TypeCases = @($outputTypes; [CometChat.PowerShell.OperationSummary]) | ForEach-Object { @{ Type = $_; Name = $_.FullName } }
    }

    It '<Name> has a table view of at most 120 columns' -TestCases $TypeCases {
        $table = $FormatFile.Configuration.ViewDefinitions.View | Where-Object { $_.ViewSelectedBy.TypeName -eq $Name -and $_.TableControl }
        $table | Should -Not -BeNullOrEmpty
        $widths = @($table.TableControl.TableHeaders.TableColumnHeader | ForEach-Object { [int]$_.Width })
        ($widths | Measure-Object -Sum).Sum + $widths.Count - 1 | Should -BeLessOrEqual 120
    }

    It '<Name> has a list view showing every property' -TestCases $TypeCases {
        $list = $FormatFile.Configuration.ViewDefinitions.View | Where-Object { $_.ViewSelectedBy.TypeName -eq $Name -and $_.ListControl }
        $list | Should -Not -BeNullOrEmpty
        $shown = $list.ListControl.ListEntries.ListEntry.ListItems.ListItem | ForEach-Object { if ($_.PropertyName) { $_.PropertyName } else { $_.Label } }
        $Type.GetProperties().Name | Where-Object { $_ -notin $shown } | Should -BeNullOrEmpty
    }
}

Describe 'Users always have every property' {
    It 'a sparse user still has all its columns in Export-Csv' {
        $csv = [CometChat.Client.Models.CometChatUser]@{ Uid = 'a'; Name = 'A' } | ConvertTo-Csv
        ($csv[0] -split ',').Count | Should -Be ([CometChat.Client.Models.CometChatUser].GetProperties().Count)
    }
}
