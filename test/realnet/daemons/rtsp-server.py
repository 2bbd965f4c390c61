#!/usr/bin/python3
# A camera's RTSP server: gst-rtsp-server (Debian's gir1.2-gst-rtsp-server-1.0) serving a test picture.
# Usage: rtsp-server.py PORT PATH
import sys
import gi
gi.require_version('Gst', '1.0')
gi.require_version('GstRtspServer', '1.0')
from gi.repository import GLib, Gst, GstRtspServer

def main(port, path):
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address('0.0.0.0')
    server.set_service(port)
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch('( videotestsrc is-live=true ! video/x-raw,width=320,height=240,framerate=5/1 ! jpegenc ! rtpjpegpay name=pay0 pt=26 )')
    factory.set_shared(True)
    server.get_mount_points().add_factory(path, factory)
    if server.attach(None) == 0:
        sys.exit(f'rtsp-server: cannot listen on port {port}')
    GLib.MainLoop().run()

if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: rtsp-server.py PORT PATH')
    main(sys.argv[1], sys.argv[2])
