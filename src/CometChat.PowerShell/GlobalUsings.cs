// Namespaces nearly every cmdlet file uses: the .NET basics, PowerShell, the client's models, errors and requests,
// and this module's infrastructure.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Management.Automation;
global using System.Threading;
global using System.Threading.Tasks;
global using CometChat.Client;
global using CometChat.Client.Errors;
global using CometChat.Client.Models;
global using CometChat.Client.Requests;
global using CometChat.PowerShell.Infrastructure;
