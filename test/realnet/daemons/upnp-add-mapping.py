#!/usr/bin/env python3
# Asks the router's IGD for one port mapping over SOAP, the way a device's UPnP stack does.
# Usage: upnp-add-mapping.py CONTROL_URL EXTERNAL_PORT PROTOCOL INTERNAL_IP INTERNAL_PORT DESCRIPTION
import sys
import urllib.error
import urllib.request

SERVICE = 'urn:schemas-upnp-org:service:WANIPConnection:2'

def main(control_url, external_port, protocol, internal_ip, internal_port, description):
    body = (
        '<?xml version="1.0"?>'
        '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" s:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">'
        f'<s:Body><u:AddPortMapping xmlns:u="{SERVICE}">'
        f'<NewRemoteHost></NewRemoteHost><NewExternalPort>{external_port}</NewExternalPort><NewProtocol>{protocol}</NewProtocol>'
        f'<NewInternalPort>{internal_port}</NewInternalPort><NewInternalClient>{internal_ip}</NewInternalClient>'
        f'<NewEnabled>1</NewEnabled><NewPortMappingDescription>{description}</NewPortMappingDescription><NewLeaseDuration>0</NewLeaseDuration>'
        '</u:AddPortMapping></s:Body></s:Envelope>'
    ).encode()
    request = urllib.request.Request(control_url, data=body, method='POST', headers={
        'Content-Type': 'text/xml; charset="utf-8"',
        'SOAPAction': f'"{SERVICE}#AddPortMapping"',
    })
    try:
        with urllib.request.urlopen(request, timeout=5):
            pass
    except urllib.error.HTTPError as error:
        sys.exit(f'AddPortMapping {external_port}/{protocol} at {control_url}: HTTP {error.code} {error.read(300).decode(errors="replace")}')
    except OSError as error:
        sys.exit(f'AddPortMapping {external_port}/{protocol} at {control_url}: {error}')

if __name__ == '__main__':
    if len(sys.argv) != 7:
        sys.exit(__doc__ or 'usage: upnp-add-mapping.py CONTROL_URL EXTERNAL_PORT PROTOCOL INTERNAL_IP INTERNAL_PORT DESCRIPTION')
    main(*sys.argv[1:])
